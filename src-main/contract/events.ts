import { z } from 'zod';
import { queueCallSchema } from './methods/queue';

/**
 * Events the host pushes to windows (IPC) and browsers (SSE). `public` events may reach the
 * display and the kiosk without a login, so they never carry patient data.
 */
export const eventSpecs = {
  'settings.changed': { public: true, payload: z.object({ keys: z.array(z.string()) }) },
  'reference.changed': { public: true, payload: z.object({ kind: z.enum(['unit', 'service', 'counter', 'practitioner', 'facility', 'tariff']) }) },
  'users.changed': { public: false, payload: z.object({ userId: z.number().int() }) },
  /** A role's permissions were edited: open windows refresh their user's rights (auth.me). */
  'roles.changed': { public: false, payload: z.object({ role: z.string() }) },
  /** A LAN device paired, renamed or revoked, or a pairing code used or expired: the Perangkat tab reloads. */
  'devices.changed': { public: false, payload: z.object({ deviceId: z.number().int().nullable() }) },
  'patients.changed': { public: false, payload: z.object({ patientId: z.number().int(), change: z.enum(['created', 'updated']) }) },
  /** One event for a whole import (thousands of patients): lists and searches reload once. */
  'patients.imported': { public: false, payload: z.object({ count: z.number().int(), lastPatientId: z.number().int() }) },
  'visits.changed': { public: false, payload: z.object({ visitId: z.number().int(), change: z.enum(['registered', 'paid']) }) },
  'appointments.changed': { public: false, payload: z.object({ appointmentId: z.number().int() }) },
  'workstation.changed': { public: false, payload: z.object({ keys: z.array(z.string()) }) },
  /** A voice clip was re-recorded or reset: displays drop their cached copy of it. */
  'voice.changed': { public: true, payload: z.object({ key: z.string() }) },
  /** A ticket called or recalled: the display shows it and speaks it. Ticket code and place only. */
  'queue.called': { public: true, payload: queueCallSchema },
  /** Something in a lane changed (issued, called, finished…): screens reload `queue.board`/`queue.state`. */
  'queue.changed': {
    public: true,
    payload: z.object({ date: z.string(), serviceId: z.number().int().nullable(), unitId: z.number().int().nullable() }),
  },
  /** A folder moved, was checked, marked missing or found: the pull list and the scan screen reload. */
  'folders.changed': { public: false, payload: z.object({ folderId: z.number().int(), change: z.string() }) },
  /** A payment taken or voided, or a cash day closed: the kasir screens reload (paying also sends visits.changed). */
  'cashier.changed': { public: false, payload: z.object({ date: z.string(), change: z.enum(['paid', 'voided', 'closed']) }) },
  /** A letter was issued, cancelled or printed: lists reload; the host archives a newly issued letter's PDF. */
  'letters.changed': {
    public: false,
    payload: z.object({ letterId: z.number().int(), kind: z.string(), change: z.enum(['issued', 'cancelled', 'printed']) }),
  },
  /** A referral's status trail or follow-up changed: the Rujukan tabs reload. */
  'referrals.changed': { public: false, payload: z.object({ letterId: z.number().int(), status: z.string() }) },
} as const;

export type EventName = keyof typeof eventSpecs;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSpecs)[E]['payload']>;

export interface LoketEvent<E extends EventName = EventName> {
  /** `<bootId>-<seq>`: a client resuming with another boot's id must resynchronise. */
  id: string;
  name: E;
  at: string;
  payload: EventPayload<E>;
}

/** Sent to a client whose `Last-Event-ID` cannot be resumed (host restarted, or too old). */
export const RESYNC_EVENT = 'system.resync';

export function isPublicEvent(name: EventName): boolean {
  return eventSpecs[name].public;
}
