import { describe, expect, it } from 'vitest';
import type { JoinTicket } from '../../../../src/shared/ipc-contract';
import { createTicketDesk } from '../../../../src/main/fleet/ticket-desk';

const ticket = (zak: string): JoinTicket => ({
  sdk: 'sandbox',
  meetingNumber: '123456789',
  passcode: '',
  userName: 'Ada',
  signature: 'sig',
  zak,
  zoomDomain: 'zoom.us',
  sandboxUrl: 'http://127.0.0.1:1',
});

describe('ticket desk', () => {
  it('hands a bot its ticket once and refuses the second ready', () => {
    const desk = createTicketDesk();
    desk.issue('a', ticket('zak-a'));
    expect(desk.isWaiting('a')).toBe(true);
    expect(desk.take('a')).toEqual({ ok: true, value: ticket('zak-a') });
    expect(desk.isWaiting('a')).toBe(false);
    expect(desk.take('a')).toMatchObject({ ok: false, error: { code: 'ticket_taken' } });
  });

  it('a bot with no ticket is refused with no_ticket', () => {
    const desk = createTicketDesk();
    expect(desk.take('nobody')).toMatchObject({ ok: false, error: { code: 'no_ticket' } });
    desk.issue('a', ticket('zak-a'));
    desk.discard('a');
    expect(desk.take('a')).toMatchObject({ ok: false, error: { code: 'no_ticket' } });
  });

  it('one bot cannot take another bot’s ticket', () => {
    const desk = createTicketDesk();
    desk.issue('a', ticket('zak-a'));
    expect(desk.take('b').ok).toBe(false);
    expect(desk.take('a').ok).toBe(true);
  });

  it('refuses to issue a ZAK that was already used for a join', () => {
    const desk = createTicketDesk();
    desk.issue('a', ticket('zak-1'));
    expect(() => desk.issue('b', ticket('zak-1'))).toThrow(/fresh/);
    desk.discard('a');
    expect(() => desk.issue('a', ticket('zak-1'))).toThrow(/fresh/);
    expect(() => desk.issue('a', ticket('zak-2'))).not.toThrow();
  });

  it('refusal messages never carry the ticket', () => {
    const desk = createTicketDesk();
    desk.issue('a', ticket('zak-secret'));
    desk.take('a');
    expect(JSON.stringify(desk.take('a'))).not.toContain('zak-secret');
  });
});
