import { it } from 'vitest';
import { seedDemoData } from '../../src-main/app/demo';
import { generatePatients } from '../../src-main/app/demo-data';
import { testHost } from '../helpers/host';

it('probe', async () => {
  let t = performance.now();
  const rows = generatePatients(100_000, 1, []);
  console.log('gen 100k', performance.now() - t);
  const h = await testHost({ loadRegions: true });
  t = performance.now();
  const s = await seedDemoData(h.ctx, {});
  console.log('seed 3000', s, performance.now() - t);
  const h2 = await testHost({ loadRegions: true });
  t = performance.now();
  const s2 = await seedDemoData(h2.ctx, { patients: 100_000 });
  console.log('seed 100k', s2, performance.now() - t);
  const sample = await h.ctx.db.selectFrom('patient').selectAll().limit(8).execute();
  console.log(sample);
  const last = await h.ctx.db.selectFrom('patient').selectAll().orderBy('id', 'desc').limit(3).execute();
  console.log(last);
  console.log(await h.ctx.db.selectFrom('visit').selectAll().orderBy('id','desc').limit(3).execute());
  await h.cleanup(); await h2.cleanup();
  void rows;
}, 120_000);
