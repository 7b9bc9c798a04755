import type { Role } from '../contract';
import type { ServiceContext } from '../services/context';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
}

/** Placeholder replaced by the demo generator (in progress). */
export async function seedDemo(_ctx: ServiceContext): Promise<DemoAccount[]> {
  return [];
}
