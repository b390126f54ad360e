/**
 * Holds each bot's join ticket (signature + ZAK) between minting and the bot page's `ready`,
 * and hands it out once. A second `ready` from the same bot, or one from a bot with no ticket,
 * gets a refusal, so a page that reloads or misbehaves never sees a ticket twice.
 */
import { createHash } from 'node:crypto';
import { fail, ok, type JoinTicket, type Result } from '../../shared/ipc-contract';

export interface TicketDesk {
  /** Stores the ticket for one join of `botId`. Throws if its ZAK was ever issued before. */
  issue(botId: string, ticket: JoinTicket): void;
  /** Hands the ticket out the first time; refuses every later call. */
  take(botId: string): Result<JoinTicket>;
  /** True while a ticket waits for its page (the page has not called ready yet). */
  isWaiting(botId: string): boolean;
  /** Forgets whatever is held for `botId` (the bot ended, or a rejoin will issue a new one). */
  discard(botId: string): void;
}

type Slot = { kind: 'waiting'; ticket: JoinTicket } | { kind: 'taken' };

export function createTicketDesk(): TicketDesk {
  const slots = new Map<string, Slot>();
  // Fingerprints, not ZAKs: enough to prove a ZAK is never reused, without keeping it around.
  const issuedZaks = new Set<string>();

  return {
    issue(botId, ticket) {
      const fingerprint = createHash('sha256').update(ticket.zak).digest('base64url');
      if (issuedZaks.has(fingerprint)) {
        throw new Error(`Refusing to reuse a ZAK for bot ${botId}: every join needs a fresh one`);
      }
      issuedZaks.add(fingerprint);
      slots.set(botId, { kind: 'waiting', ticket });
    },
    take(botId) {
      const slot = slots.get(botId);
      if (!slot)
        return fail('no_ticket', 'This bot has no join ticket: it is not joining a meeting now.');
      if (slot.kind === 'taken') {
        return fail(
          'ticket_taken',
          'This bot’s join ticket was already handed out; it is given only once.',
        );
      }
      slots.set(botId, { kind: 'taken' });
      return ok(slot.ticket);
    },
    isWaiting(botId) {
      return slots.get(botId)?.kind === 'waiting';
    },
    discard(botId) {
      slots.delete(botId);
    },
  };
}
