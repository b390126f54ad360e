/**
 * fast-check arbitraries for IPC requests: every channel of the contract plus unknown and
 * prototype-named ones, with payloads that are sometimes random JSON and sometimes shaped like
 * the channel's schema (right keys, values valid, borderline or wrong), so a fuzz run reaches the
 * handlers and not only the schema check. Shared by the router and WebSocket fuzz suites.
 */
import fc from 'fast-check';
import {
  BOT_REPORTED_STATUSES,
  COMMAND_REFUSALS,
  IPC_CALLS,
  ZOOM_PLANS,
  type IpcChannel,
  type PageKind,
} from '../../../src/shared/ipc-contract';

/** What a fuzz case may aim at: a real meeting (few), a missing one, a real bot id. */
export interface IpcTargets {
  meetingNumber: string;
  botIds: () => string[];
}

const json = fc.jsonValue({ maxDepth: 3 });
const text = fc.string({ unit: 'binary', maxLength: 40 });

/** A value that is usually of the right kind, sometimes any JSON at all. */
const mostly = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary, weight: 12 }, { arbitrary: json, weight: 1 });

/** A bot name: mostly a plausible one, sometimes any string at all. */
const name = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9 {}'-]{1,24}$/), weight: 4 },
  { arbitrary: text, weight: 1 },
);

/** Chat text: plausible, with a control character, at and past the 1,024-character edge. */
const chatText = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9 ,.!?{}'-]{1,40}$/), weight: 4 },
  {
    arbitrary: fc.constantFrom('', '  ', 'a\nb', '\u0007', '😀'.repeat(1024), 'x'.repeat(1025)),
    weight: 1,
  },
  { arbitrary: text, weight: 1 },
);

function meeting(targets: IpcTargets): fc.Arbitrary<unknown> {
  return mostly(
    fc.oneof(
      { arbitrary: fc.constant(targets.meetingNumber), weight: 2 },
      { arbitrary: fc.stringMatching(/^[1-9][0-9]{8,10}$/), weight: 3 },
      {
        arbitrary: fc.stringMatching(/^[0-9]{9,11}$/).map((n) => `https://zoom.us/j/${n}?pwd=x`),
        weight: 2,
      },
      { arbitrary: text, weight: 2 },
    ),
  );
}

/** Mostly inside [min, max], sometimes just outside or anywhere. */
const around = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 6 },
    { arbitrary: fc.constantFrom(min - 1, max + 1, 0, -1, 1.5), weight: 1 },
  );

const timeouts = mostly(
  fc.record(
    {
      joinTimeoutMs: mostly(around(1_000, 600_000)),
      waitingRoomTimeoutMs: mostly(fc.option(around(1_000, 86_400_000))),
      aloneTimeoutMs: mostly(fc.option(around(1_000, 86_400_000))),
      maxDurationMs: mostly(fc.option(around(1_000, 86_400_000))),
      reconnectAttempts: mostly(around(0, 20)),
    },
    { requiredKeys: [] },
  ),
);

function botId(targets: IpcTargets): fc.Arbitrary<unknown> {
  return mostly(
    fc.oneof(
      text,
      fc.constant(null).chain(() => {
        const ids = targets.botIds();
        return ids.length > 0 ? fc.constantFrom(...ids) : text;
      }),
    ),
  );
}

/**
 * For each channel, a payload shaped like its request or anything at all. Built once: building
 * arbitraries costs far more than drawing from them.
 */
function payloadsFor(targets: IpcTargets): (channel: string) => fc.Arbitrary<unknown> {
  const shaped: Partial<Record<IpcChannel, fc.Arbitrary<unknown>>> = {
    'bots:launch': fc.record(
      {
        meeting: meeting(targets),
        passcode: mostly(text),
        names: mostly(fc.array(name, { minLength: 1, maxLength: 3 })),
        accountId: mostly(fc.constantFrom('sandbox', 'sandbox', 'acme', '')),
        timeouts,
        chatOnJoin: mostly(chatText),
        confirmOverCapacity: mostly(fc.boolean()),
      },
      { requiredKeys: ['meeting', 'names'] },
    ),
    'bots:capacity': fc.record(
      {
        count: mostly(around(1, 200)),
        accountId: mostly(fc.constantFrom('sandbox', 'acme', '', 'x'.repeat(129))),
      },
      { requiredKeys: [] },
    ),
    'bots:chat': fc.record(
      {
        text: mostly(chatText),
        botIds: mostly(fc.array(botId(targets), { maxLength: 3 })),
        meetingNumber: meeting(targets),
      },
      { requiredKeys: ['text'] },
    ),
    'bots:rename': fc.record({ botId: botId(targets), name: mostly(name) }, { requiredKeys: [] }),
    'bots:relaunch-as': fc.record(
      { botId: botId(targets), name: mostly(name) },
      { requiredKeys: [] },
    ),
    'settings:notifications': fc.record({ enabled: mostly(fc.boolean()) }),
    'bot:command-result': fc.record(
      {
        commandId: mostly(text),
        ok: mostly(fc.boolean()),
        refusal: mostly(fc.option(fc.constantFrom(...COMMAND_REFUSALS))),
        code: mostly(fc.option(fc.integer())),
        message: mostly(fc.option(text)),
      },
      { requiredKeys: [] },
    ),
    'bots:leave': fc.record({ botId: botId(targets) }, { requiredKeys: [] }),
    'bots:leave-many': fc.record({ botIds: mostly(fc.array(botId(targets), { maxLength: 3 })) }),
    'bots:leave-meeting': fc.record({ meetingNumber: meeting(targets) }),
    'bots:peek': fc.record(
      { botId: botId(targets), size: mostly(fc.constantFrom('thumbnail', 'large', 'huge')) },
      { requiredKeys: [] },
    ),
    'bots:show-window': fc.record({ botId: botId(targets) }),
    'presets:save': fc.record({
      name: mostly(text),
      form: mostly(
        fc.record(
          {
            meeting: meeting(targets),
            passcode: mostly(text),
            accountId: mostly(fc.option(fc.constantFrom('sandbox', 'acme', ''))),
            nameTemplate: mostly(text),
            names: mostly(fc.array(name, { minLength: 1, maxLength: 3 })),
            timeouts,
          },
          { requiredKeys: ['meeting', 'names'] },
        ),
      ),
    }),
    'presets:delete': fc.record({ presetId: mostly(text) }),
    'accounts:save': fc.record(
      {
        accountId: mostly(text),
        label: mostly(text),
        serviceUser: mostly(text),
        plan: mostly(fc.constantFrom(...ZOOM_PLANS)),
        credentials: mostly(
          fc.record({
            s2sAccountId: mostly(text),
            clientId: mostly(text),
            clientSecret: mostly(text),
            sdkKey: mostly(text),
            sdkSecret: mostly(text),
          }),
        ),
      },
      { requiredKeys: [] },
    ),
    'accounts:delete': fc.record({ accountId: mostly(text) }),
    'accounts:test': fc.record({
      accountId: mostly(fc.constantFrom('sandbox', 'acme', '')),
    }),
    'bots:relaunch': fc.record({
      ids: mostly(fc.array(botId(targets), { maxLength: 3 })),
    }),
    'bots:dismiss-stopped': fc.record({
      ids: mostly(fc.array(botId(targets), { maxLength: 3 })),
    }),
    'history:list': fc.record({ limit: mostly(around(1, 1_000)) }, { requiredKeys: [] }),
    'settings:relaunch-after-restart': fc.record({ enabled: mostly(fc.boolean()) }),
    'bot:status': fc.record(
      {
        status: mostly(fc.constantFrom(...BOT_REPORTED_STATUSES)),
        code: mostly(fc.option(fc.integer())),
        message: mostly(fc.option(text)),
        participantId: mostly(fc.option(text)),
        participantCount: mostly(fc.option(around(0, 1_000_000))),
      },
      { requiredKeys: [] },
    ),
  };
  const empty = fc.constantFrom(undefined, {}, null);
  const anyPayload = [
    { arbitrary: empty, weight: 1 },
    { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
    { arbitrary: json, weight: 1 },
  ];
  const unshaped = fc.oneof(...anyPayload);
  const byChannel = new Map(
    Object.entries(shaped).map(([channel, arbitrary]) => [
      channel,
      fc.oneof({ arbitrary, weight: 6 }, ...anyPayload),
    ]),
  );
  return (channel) => byChannel.get(channel) ?? unshaped;
}

const channelsOf = (page: PageKind): string[] =>
  Object.values(IPC_CALLS)
    .filter((declaration) => declaration.page === page)
    .map((declaration) => declaration.channel);
const DASHBOARD = channelsOf('dashboard');
const BOT = channelsOf('bot');
const STRANGE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'bots:changed', ''];

/** Mostly one of `own` channels, sometimes the other side's, a strange or a random name. */
function channelAmong(own: string[], others: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...own), weight: 6 },
    { arbitrary: fc.constantFrom(...others, ...STRANGE), weight: 1 },
    { arbitrary: text, weight: 1 },
  );
}

/** A dashboard channel (mostly a real one) and a payload for it. */
export function dashboardCall(targets: IpcTargets) {
  const payloadFor = payloadsFor(targets);
  return channelAmong(DASHBOARD, BOT).chain((channel) =>
    fc.record({ channel: fc.constant(channel), payload: payloadFor(channel) }),
  );
}

/** A bot channel (mostly a real one), a calling bot id and a payload. */
export function botCall(targets: IpcTargets) {
  const payloadFor = payloadsFor(targets);
  // JSON.stringify, not String: a null-prototype object has no toString.
  const callerId = botId(targets).map((id) =>
    typeof id === 'string' ? id : (JSON.stringify(id) ?? ''),
  );
  return channelAmong(BOT, DASHBOARD).chain((channel) =>
    fc.record({ channel: fc.constant(channel), botId: callerId, payload: payloadFor(channel) }),
  );
}
