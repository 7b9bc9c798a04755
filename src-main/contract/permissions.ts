/**
 * Access rights follow Permenkes 24/2022: entering (input), correcting (correction) and
 * viewing (view) are separate rights, granted per domain of the front office.
 */
export const permissionDomains = [
  'antrean', // queue
  'pasien', // patient identity
  'kunjungan', // visit registration
  'rekam_medis', // paper folders and their journey
  'register', // daily register
  'laporan', // reports
  'surat', // letters
  'kasir', // cashier
  'referensi', // reference data: units, services, counters, practitioners, facilities
  'pengaturan', // shared settings
  'pengguna', // users and roles
] as const;
export type PermissionDomain = (typeof permissionDomains)[number];

export const accessKinds = ['input', 'correction', 'view'] as const;
export type Access = (typeof accessKinds)[number];
export type Permission = `${PermissionDomain}:${Access}`;

/** Every permission string there is (the zod enum of roles.update is built from it). */
export const permissions = permissionDomains.flatMap((d) => accessKinds.map((a) => `${d}:${a}` as const)) as [Permission, ...Permission[]];

/** Indonesian names of the domains and rights, for the Peran matrix and refusal messages. */
export const domainLabels: Record<PermissionDomain, string> = {
  antrean: 'Antrean',
  pasien: 'Identitas pasien',
  kunjungan: 'Kunjungan (pendaftaran)',
  rekam_medis: 'Berkas rekam medis',
  register: 'Register harian',
  laporan: 'Laporan',
  surat: 'Surat',
  kasir: 'Kasir',
  referensi: 'Data referensi',
  pengaturan: 'Pengaturan bersama',
  pengguna: 'Pengguna dan peran',
};
export const accessLabels: Record<Access, string> = { input: 'Input', correction: 'Koreksi', view: 'Lihat' };

export const roles = ['administrator', 'pendaftaran', 'rekam_medis', 'kasir', 'dokter'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  administrator: 'Administrator',
  pendaftaran: 'Petugas Pendaftaran',
  rekam_medis: 'Perekam Medis',
  kasir: 'Kasir',
  dokter: 'Dokter',
};

const all = (d: PermissionDomain): Permission[] => accessKinds.map((a) => `${d}:${a}` as const);
const view = (d: PermissionDomain): Permission => `${d}:view`;

/**
 * Default grants: migration 0020 seeds the role_permission table with them and Pengaturan →
 * Peran restores them ("Kembalikan ke bawaan"). What a role may do is read from the table
 * (services/roles), never from here.
 */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  administrator: new Set(permissionDomains.flatMap(all)),
  pendaftaran: new Set<Permission>([
    ...all('antrean'),
    ...all('pasien'),
    'kunjungan:input',
    'kunjungan:view',
    view('register'),
    view('referensi'),
    view('rekam_medis'),
  ]),
  rekam_medis: new Set<Permission>([
    view('antrean'),
    'pasien:view',
    'pasien:correction',
    'kunjungan:view',
    ...all('rekam_medis'),
    ...all('register'),
    view('laporan'),
    view('referensi'),
    view('surat'),
  ]),
  kasir: new Set<Permission>([...all('kasir'), 'kunjungan:view', view('register'), view('referensi')]),
  dokter: new Set<Permission>([
    'antrean:input',
    'antrean:view',
    'pasien:view',
    'kunjungan:view',
    view('rekam_medis'),
    ...all('surat'),
    view('laporan'),
    view('register'),
    view('referensi'),
  ]),
};

/** Whether the role's *default* grants include the permission (tests of the defaults use it). */
export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
