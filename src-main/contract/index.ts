import type { z } from 'zod';
import './schemas';
import { auditMethods } from './methods/audit';
import { authMethods } from './methods/auth';
import { backupMethods } from './methods/backup';
import { cashierMethods } from './methods/cashier';
import { dashboardMethods } from './methods/dashboard';
import { deviceMethods } from './methods/devices';
import { documentMethods } from './methods/documents';
import { folderMethods } from './methods/folders';
import { letterMethods } from './methods/letters';
import { patientMergeMethods } from './methods/patient-merge';
import { patientImportMethods } from './methods/patient-import';
import { patientRecordMethods } from './methods/patient-record';
import { patientMethods } from './methods/patients';
import { queueMethods } from './methods/queue';
import { referenceMethods } from './methods/reference';
import { reportMethods } from './methods/reports';
import { registerMethods } from './methods/register';
import { roleMethods } from './methods/roles';
import { referralMethods, rujukanMethods } from './methods/rujukan';
import { settingsMethods } from './methods/settings';
import { systemMethods } from './methods/system';
import { visitMethods } from './methods/visits';
import { voiceMethods } from './methods/voice';

/** The whole API of the host: one list, served identically over IPC and HTTP. */
export const contract = {
  ...systemMethods,
  ...authMethods,
  ...roleMethods,
  ...backupMethods,
  ...settingsMethods,
  ...referenceMethods,
  ...patientMethods,
  ...registerMethods,
  ...patientRecordMethods,
  ...patientImportMethods,
  ...patientMergeMethods,
  ...visitMethods,
  ...voiceMethods,
  ...documentMethods,
  ...queueMethods,
  ...folderMethods,
  ...reportMethods,
  ...cashierMethods,
  ...dashboardMethods,
  ...rujukanMethods,
  ...referralMethods,
  ...letterMethods,
  ...auditMethods,
  ...deviceMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './letter-number';
export * from './events';
export * from './method';
export * from './permissions';
export * from './schemas';
export * from './ticket-printer';
export * from './methods/audit';
export * from './methods/auth';
export * from './methods/backup';
export * from './methods/cashier';
export * from './methods/dashboard';
export * from './methods/devices';
export * from './methods/documents';
export * from './methods/folders';
export * from './methods/letters';
export * from './methods/patients';
export * from './methods/patient-record';
export * from './methods/patient-import';
export * from './methods/patient-merge';
export * from './methods/queue';
export * from './methods/reference';
export * from './methods/reports';
export * from './methods/register';
export * from './methods/roles';
export * from './methods/rujukan';
export * from './methods/settings';
export * from './methods/system';
export * from './methods/visits';
export * from './methods/voice';
export * from './bridge';
