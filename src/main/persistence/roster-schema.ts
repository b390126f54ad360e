/**
 * The shape of `roster.json`: the bots the fleet holds right now (`bots`), and the bots an
 * earlier app restart stopped that the operator has neither relaunched nor dismissed
 * (`stopped`). Both keep what a relaunch needs: name, meeting, passcode (sealed), account, the
 * launch's own limits and its chat message on join. Nothing else: object schemas drop unknown
 * keys, so a ZAK, token or signature could not reach the file even if one were passed in by
 * mistake.
 */
import { z } from 'zod';
import {
  BOT_STATES,
  BotNameSchema,
  ChatTextSchema,
  LaunchTimeoutsSchema,
} from '../../shared/ipc-contract';
import { ZOOM_WEB_DOMAINS } from '../../shared/meeting-link';
import type { HeldPasscode } from './passcode-seal';

export const ROSTER_FILE_NAME = 'roster.json';
export const ROSTER_VERSION = 1;
/** Far above any real fleet; bounds what a hand-edited file can make Botdeck hold. */
export const ROSTER_MAX_BOTS = 10_000;

export const RosterBotSchema = z.object({
  id: z.string().min(1).max(128),
  /** The same rules as a launch's names, so a relaunch accepts every name it finds here. */
  name: BotNameSchema,
  meetingNumber: z.string().regex(/^\d{9,11}$/, 'must be a meeting number'),
  /**
   * The meeting passcode, needed to relaunch into a meeting that has one, is written only
   * sealed (`passcode-seal.ts`). A plain `passcode` is '' (the meeting has none) or comes from
   * an older Botdeck; neither field means it is unknown (kept in memory only).
   */
  passcode: z.string().max(256).optional(),
  sealedPasscode: z.string().max(1024).optional(),
  accountId: z.string().min(1).max(128),
  /** The meeting's Zoom cloud; absent (older files) means zoom.us. */
  zoomDomain: z.enum(ZOOM_WEB_DOMAINS).optional().catch(undefined),
  state: z.enum(BOT_STATES),
  createdAt: z.number().int().nonnegative(),
  /** Bots launched together share it; a relaunch puts them back together. */
  launchId: z.string().min(1).max(64),
  /**
   * The launch's auto-leave and rejoin limits, so a relaunch keeps them. If a later Botdeck no
   * longer accepts them they are dropped (the defaults apply) rather than the roster set aside.
   */
  timeouts: LaunchTimeoutsSchema.optional().catch(undefined),
  /** The launch's chat message on join (`{name}` unexpanded), so a relaunch says it again. */
  chatOnJoin: ChatTextSchema.optional().catch(undefined),
});
/** A bot as `roster.json` holds it. */
export type RosterBotEntry = z.infer<typeof RosterBotSchema>;

export const StoppedRosterBotSchema = RosterBotSchema.extend({
  stoppedAt: z.number().int().nonnegative(),
});

export const RosterFileSchema = z.object({
  version: z.literal(ROSTER_VERSION),
  bots: z.array(RosterBotSchema).max(ROSTER_MAX_BOTS),
  stopped: z.array(StoppedRosterBotSchema).max(ROSTER_MAX_BOTS).default([]),
});
export type RosterFile = z.infer<typeof RosterFileSchema>;

/** A bot as the roster holds it in memory: its passcode known (opened), or null. */
export type RosterBot = Omit<RosterBotEntry, 'passcode' | 'sealedPasscode'> & HeldPasscode;
export type StoppedRosterBot = RosterBot & { stoppedAt: number };
