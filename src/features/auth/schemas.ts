import { z } from 'zod';
import { ROLES } from '@/contract/permissions';

/** The mock's demo accounts (GET /api/_mock/staff-credentials): only a mock answers it, so only demo mode shows them. */
export const demoStaffSchema = z.object({
  items: z.array(z.object({ email: z.string(), name: z.string(), role: z.enum(ROLES), password: z.string() })),
});
export type DemoStaff = z.infer<typeof demoStaffSchema>['items'][number];
