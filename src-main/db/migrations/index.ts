import type { Kysely } from 'kysely';
import * as m0001 from './0001_referensi';
import * as m0002 from './0002_pasien_kunjungan';
import * as m0003 from './0003_nomor_urut';
import * as m0004 from './0004_kunjungan_tarif_jadwal';
import * as m0005 from './0005_pencarian_pasien';
import * as m0006 from './0006_gabung_pasien';
import * as m0007 from './0007_pencarian_tempat';
import * as m0008 from './0008_antrean';
import * as m0009 from './0009_suara';
import * as m0010 from './0010_berkas';
import * as m0011 from './0011_antrean_permintaan';
import * as m0012 from './0012_berkas_gabung_jilid';
import * as m0013 from './0013_kasir';
import * as m0014 from './0014_tindak_lanjut';
import * as m0015 from './0015_surat';
import * as m0016 from './0016_rujukan';
import * as m0017 from './0017_percobaan_masuk';
import * as m0018 from './0018_indeks_rekap';
import * as m0019 from './0019_perangkat';
import * as m0020 from './0020_hak_peran';
import * as m0021 from './0021_jejak_audit';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Listed statically (never discovered from disk) so a packaged app cannot miss one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_referensi', up: m0001.up },
  { version: 2, name: '0002_pasien_kunjungan', up: m0002.up },
  { version: 3, name: '0003_nomor_urut', up: m0003.up },
  { version: 4, name: '0004_kunjungan_tarif_jadwal', up: m0004.up },
  { version: 5, name: '0005_pencarian_pasien', up: m0005.up },
  { version: 6, name: '0006_gabung_pasien', up: m0006.up },
  { version: 7, name: '0007_pencarian_tempat', up: m0007.up },
  { version: 8, name: '0008_antrean', up: m0008.up },
  { version: 9, name: '0009_suara', up: m0009.up },
  { version: 10, name: '0010_berkas', up: m0010.up },
  { version: 11, name: '0011_antrean_permintaan', up: m0011.up },
  { version: 12, name: '0012_berkas_gabung_jilid', up: m0012.up },
  { version: 13, name: '0013_kasir', up: m0013.up },
  { version: 14, name: '0014_tindak_lanjut', up: m0014.up },
  { version: 15, name: '0015_surat', up: m0015.up },
  { version: 16, name: '0016_rujukan', up: m0016.up },
  { version: 17, name: '0017_percobaan_masuk', up: m0017.up },
  { version: 18, name: '0018_indeks_rekap', up: m0018.up },
  { version: 19, name: '0019_perangkat', up: m0019.up },
  { version: 20, name: '0020_hak_peran', up: m0020.up },
  { version: 21, name: '0021_jejak_audit', up: m0021.up },
];

/** The last version, not the count: a number left unused would be a gap, not an error. */
export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
