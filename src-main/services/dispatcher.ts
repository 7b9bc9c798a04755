import type { z } from 'zod';
import {
  contract,
  type documentMethods,
  INTERNAL_MESSAGE,
  isMethodName,
  LoketError,
  methodsBeforeOwnPassword,
  methodsWhileLocked,
  type FieldIssue,
  type MethodName,
  type Permission,
  type Reply,
  type SessionUser,
} from '../contract';
import { auditedCall, auditHandlers } from './audit';
import { authenticate, authHandlers } from './auth';
import { backupHandlers } from './backup';
import { cashierHandlers } from './cashier';
import { dashboardHandlers } from './dashboard';
import { deviceHandlers } from './devices';
import { diagnosisHandlers, directoryHandlers } from './diagnoses';
import type { Call, ClientKind, ServiceContext } from './context';
import { folderHandlers } from './folders';
import { letterHandlers } from './letters';
import type { Handler, Handlers } from './handler';
import { patientMergeHandlers } from './patient-merge';
import { patientImportHandlers } from './patient-import';
import { patientRecordHandlers } from './patient-records';
import { patientHandlers } from './patients';
import { queueHandlers } from './queue';
import { referenceHandlers } from './reference';
import { referralHandlers } from './rujukan';
import { reportHandlers } from './reports';
import { may, roleHandlers } from './roles';
import { registerHandlers } from './register';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import { visitHandlers } from './visits';
import { voiceHandlers } from './voice';

export interface Credentials {
  token: string | null;
  client: ClientKind;
}

/**
 * The one pipeline both transports share: method lookup → authentication → permission →
 * input parsing → the service → a reply. Transports only adapt it to IPC or HTTP.
 */
export interface Dispatcher {
  invoke(method: string, input: unknown, credentials: Credentials): Promise<Reply<unknown>>;
  authenticate(token: string | null): Promise<SessionUser | null>;
  readonly handlers: Handlers<MethodName>;
}

const accessLabel = { input: 'menginput', correction: 'mengoreksi', view: 'melihat' } as const;

export function forbiddenMessage(permission: Permission): string {
  const [domain, access] = permission.split(':') as [string, keyof typeof accessLabel];
  return `Anda tidak berhak ${accessLabel[access]} data ${domain.replace('_', ' ')}.`;
}

export const LOCKED_MESSAGE = 'Layar terkunci. Masukkan kata sandi Anda untuk membuka kembali.';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(isian)', message: i.message }));
}

export function validationError(error: z.ZodError): LoketError {
  const fields = issuesOf(error);
  const summary = fields
    .slice(0, 3)
    .map((f) => `${f.path}: ${f.message}`)
    .join('; ');
  return new LoketError('VALIDATION', `Isian tidak valid — ${summary}${fields.length > 3 ? '; …' : ''}`, fields);
}

/** Methods served by the print layer, which sits above services and is joined in by the composition root. */
export type PrintMethodName = keyof typeof documentMethods;

export function createDispatcher(ctx: ServiceContext, printHandlers: Handlers<PrintMethodName>): Dispatcher {
  const handlers: Handlers<MethodName> = {
    ...printHandlers,
    ...systemHandlers(ctx),
    ...authHandlers(ctx),
    ...roleHandlers(ctx),
    ...backupHandlers(ctx),
    ...settingsHandlers(ctx),
    ...referenceHandlers(ctx),
    ...patientHandlers(ctx),
    ...registerHandlers(ctx),
    ...patientRecordHandlers(ctx),
    ...patientImportHandlers(ctx),
    ...patientMergeHandlers(ctx),
    ...visitHandlers(ctx),
    ...queueHandlers(ctx),
    ...voiceHandlers(ctx),
    ...folderHandlers(ctx),
    ...letterHandlers(ctx),
    ...cashierHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...reportHandlers(ctx),
    ...diagnosisHandlers(ctx),
    ...directoryHandlers(ctx),
    ...referralHandlers(ctx),
    ...auditHandlers(ctx),
    ...deviceHandlers(ctx),
  };

  async function run(method: string, rawInput: unknown, credentials: Credentials): Promise<unknown> {
    if (!isMethodName(method)) throw new LoketError('NOT_FOUND', `Metode "${method.slice(0, 80)}" tidak dikenal.`);
    const spec = contract[method];
    const actor = credentials.token ? await authenticate(ctx, credentials.token) : null;
    if (spec.guard !== 'public') {
      if (!actor) throw new LoketError('UNAUTHENTICATED', 'Sesi tidak ada atau sudah berakhir. Silakan masuk lagi.');
      // The lock screen is up: nothing but unlocking, logging out or asking who is logged in.
      if (actor.locked && !methodsWhileLocked.has(method)) throw new LoketError('LOCKED', LOCKED_MESSAGE);
      // The screens ask for the user's own password first; the host holds to it for every other client too.
      if (actor.mustChangePassword && !methodsBeforeOwnPassword.has(method))
        throw new LoketError(
          'FORBIDDEN',
          'Kata sandi Anda masih kata sandi sementara dari administrator; ganti dulu dengan kata sandi Anda sendiri.',
        );
      if (spec.guard !== 'session' && !may(actor, spec.guard)) throw new LoketError('FORBIDDEN', forbiddenMessage(spec.guard));
    }
    const parsed = (spec.input as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const call: Call = { actor, token: credentials.token, client: credentials.client };
    // As the caller: the audit triggers name them, and views, prints and logins get their row.
    return auditedCall(ctx, method, parsed.data, call, () => (handlers[method] as Handler<MethodName>)(parsed.data as never, call));
  }

  return {
    handlers,
    authenticate: (token) => authenticate(ctx, token),
    async invoke(method, input, credentials) {
      try {
        return { ok: true, value: await run(method, input, credentials) };
      } catch (error) {
        if (error instanceof LoketError) return { ok: false, error: error.toBody() };
        // A bug: the stack goes to the log, the client gets a plain sentence.
        ctx.log.error(`dispatch ${method.slice(0, 80)} gagal`, error);
        return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
      }
    },
  };
}
