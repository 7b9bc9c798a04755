import { auditVerifyCli } from './audit-verify';

// Entry of scripts/audit-verify.mjs (bundled on the fly, never part of the app build).
process.exitCode = await auditVerifyCli(process.argv.slice(2));
