/**
 * Letters, the figure of issue #7: a letter from issue to PDF ≤ 1 s in Chromium. In-process
 * through the dispatcher (as IPC and HTTP call it) with the Chromium PDF port that `npm run
 * serve` uses; the baseline is the same Chromium turning a blank A4 page into a PDF, so the
 * figure reads as "× what the engine alone costs" on any machine.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type Host } from '../src-main/app/host';
import { chromiumPdf } from '../src-main/app/pdf-chromium';
import { collect, dataPath, defineBench, time } from './harness';
import { as, unwrap } from './session';

const PASSWORD = 'bench-letters-1';
const BLANK_A4 = '<!doctype html><html><head><style>@page { size: 210mm 297mm; margin: 0; }</style></head><body></body></html>';

export default defineBench({
  name: 'letters',
  description: 'surat: terbitkan surat keterangan sakit lalu PDF A4 lewat Chromium (target ≤ 1 s), dibanding PDF halaman A4 kosong',
  async run(env) {
    const pdf = await chromiumPdf();
    if (!pdf) throw new Error('Chromium tidak ditemukan (LOKET_CHROMIUM atau /usr/bin/chromium): benchmark surat butuh mesin PDF.');
    const dataDir = join(dataPath(env, 'letters'), String(process.pid));
    let host: Host | undefined;
    try {
      host = await startHost({ dataDir, mode: 'serve', loadRegions: false, renderPdf: pdf.render });
      const h = host;
      const call = async <T>(method: string, input: unknown, token: string | null) =>
        unwrap<T>(await h.dispatcher.invoke(method, input, as(token)), method);
      const token = (await call<{ token: string }>('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: PASSWORD }, null)).token;
      await call(
        'settings.update',
        { puskesmas: { name: 'UPT Puskesmas Bench', pemerintah: 'Pemerintah Kabupaten Bench', dinas: 'Dinas Kesehatan' } },
        token,
      );
      const doctor = await call<{ id: number }>(
        'practitioners.save',
        { name: 'dr. Bench', profession: 'dokter', nip: null, sip: 'SIP-1', str: null },
        token,
      );
      const patient = (
        await call<{ patient: { id: number } }>(
          'patients.create',
          { name: 'Pasien Bench', birthDate: '1990-01-01', sex: 'P', ignoreSimilar: true },
          token,
        )
      ).patient;
      const runs = env.runs(20);

      env.log(`blank A4 → PDF × ${runs}`);
      const baseline = await collect(runs, () => time(() => pdf.render(BLANK_A4, { widthMm: 210, heightMm: 297 })), { warmup: 2 });

      env.log(`issue + documents.letter (HTML) × ${runs}`);
      const issueOnly = await collect(runs, () =>
        time(async () => {
          const { letter } = await call<{ letter: { id: number } }>(
            'letters.createSickLeave',
            { patientId: patient.id, signerId: doctor.id, startDate: new Date().toISOString().slice(0, 10), days: 3 },
            token,
          );
          await call('documents.letter', { id: letter.id }, token);
        }),
      );

      env.log(`issue + letters.pdf × ${runs}`);
      const issueToPdf = await collect(
        runs,
        () =>
          time(async () => {
            const { letter } = await call<{ letter: { id: number } }>(
              'letters.createSickLeave',
              {
                patientId: patient.id,
                signerId: doctor.id,
                startDate: new Date().toISOString().slice(0, 10),
                days: 3,
                diagnosis: 'Demam',
                diagnosisConsent: true,
              },
              token,
            );
            await call('letters.pdf', { id: letter.id }, token);
          }),
        { warmup: 2 },
      );
      return {
        title: 'Surat: terbit → PDF (Chromium)',
        cases: [
          { label: 'PDF halaman A4 kosong (Chromium)', samples: baseline, baseline: true },
          { label: 'terbitkan surat sakit + HTML cetak', samples: issueOnly },
          { label: 'terbitkan surat sakit + PDF A4 (target ≤ 1 s)', samples: issueToPdf },
        ],
        notes: [
          'Satu Chromium tetap hidup (seperti npm run serve); tiap PDF di halaman baru dalam satu konteks tanpa JavaScript.',
          'PDF arsip ditulis sesudah transaksi oleh pengarsip latar; letters.pdf memakai arsip itu atau membuatnya bila belum ada.',
        ],
      };
    } finally {
      await host?.close();
      await pdf.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});
