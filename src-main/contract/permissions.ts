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

/** Default grants; the security issue makes them editable per puskesmas. */
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

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
