import { z } from 'zod';
import { method } from '../method';
import { permissions, roles } from '../permissions';
import { emptyInput } from '../schemas';

export const permissionSchema = z.enum(permissions, { error: 'Hak akses tidak dikenal' });

export const roleGrantsSchema = z.object({
  role: z.enum(roles),
  permissions: z.array(permissionSchema),
  /** The shipped defaults, for "Kembalikan ke bawaan". */
  defaults: z.array(permissionSchema),
});
export type RoleGrants = z.infer<typeof roleGrantsSchema>;

export const roleMethods = {
  'roles.list': method({
    summary: 'Hak akses setiap peran beserta bawaannya',
    guard: 'pengguna:view',
    input: emptyInput,
    output: z.array(roleGrantsSchema),
  }),
  'roles.update': method({
    summary: 'Mengganti seluruh hak akses satu peran',
    guard: 'pengguna:correction',
    input: z.strictObject({
      role: z.enum(roles, { error: 'Peran tidak dikenal' }),
      permissions: z.array(permissionSchema).max(200, 'Terlalu banyak hak akses'),
    }),
    output: roleGrantsSchema,
  }),
};
