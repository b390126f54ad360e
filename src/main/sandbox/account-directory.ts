/**
 * The sandbox's one Zoom account: its S2S OAuth and Meeting SDK credentials and its users.
 * Credentials are random per start so nothing can come to depend on fixed demo secrets.
 */
import { randomAlphanumeric, zoomUserId } from './random-ids';

/** The demo account a running sandbox serves. Every secret is fresh on each start. */
export interface SandboxAccount {
  accountId: string;
  clientId: string;
  clientSecret: string;
  sdkKey: string;
  sdkSecret: string;
  /** The account owner, whose ZAKs bots join with. */
  userId: string;
  email: string;
  displayName: string;
}

/** Zoom user types: 1 Basic, 2 Licensed, 4 Unassigned, 99 None. */
export type ZoomUserType = 1 | 2 | 4 | 99;

/** A user of the account, as the sandbox stores it. */
export interface SandboxUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  type: ZoomUserType;
  status: 'active' | 'inactive' | 'pending';
  roleName: string;
  createdAt: number;
}

/** What `POST /v2/users` may set. */
export interface NewUser {
  email: string;
  type: ZoomUserType;
  firstName: string;
  lastName: string;
  displayName: string | undefined;
  status: SandboxUser['status'];
}

/** Where a user's avatar lives; the path the avatar route serves. */
export const avatarUrl = (baseUrl: string, userId: string): string =>
  `${baseUrl}/avatars/${encodeURIComponent(userId)}.svg`;

/** The account, its users, and lookups by `me`, id or email as Zoom resolves `{userId}`. */
export class AccountDirectory {
  private readonly users = new Map<string, SandboxUser>();

  private constructor(readonly account: SandboxAccount) {}

  /** A fresh demo account whose owner is a licensed, active user. */
  static createDemo(createdAt: number): AccountDirectory {
    const owner: SandboxUser = {
      id: zoomUserId(),
      email: 'demo.bot@botdeck.example',
      firstName: 'Demo',
      lastName: 'Bot',
      displayName: 'Demo Bot',
      type: 2,
      status: 'active',
      roleName: 'Owner',
      createdAt,
    };
    const directory = new AccountDirectory({
      // Alphanumeric like Zoom's own, so they survive argv, env files and URLs unquoted.
      accountId: randomAlphanumeric(22),
      clientId: randomAlphanumeric(22),
      clientSecret: randomAlphanumeric(32),
      sdkKey: randomAlphanumeric(22),
      sdkSecret: randomAlphanumeric(32),
      userId: owner.id,
      email: owner.email,
      displayName: owner.displayName,
    });
    directory.users.set(owner.id, owner);
    return directory;
  }

  /** Resolves Zoom's `{userId}` path value: `me`, a user id, or an email (case-insensitive). */
  findUser(ref: string): SandboxUser | undefined {
    if (ref === 'me') return this.users.get(this.account.userId);
    const byId = this.users.get(ref);
    if (byId) return byId;
    const email = ref.toLowerCase();
    for (const user of this.users.values()) if (user.email.toLowerCase() === email) return user;
    return undefined;
  }

  getUser(id: string): SandboxUser | undefined {
    return this.users.get(id);
  }

  userCount(): number {
    return this.users.size;
  }

  /** Every user, in the order they were added. */
  allUsers(): SandboxUser[] {
    return [...this.users.values()];
  }

  /** Adds a user, or returns null when the email is taken (Zoom's 1005). */
  addUser(input: NewUser, createdAt: number): SandboxUser | null {
    if (this.findUser(input.email)) return null;
    const user: SandboxUser = {
      id: zoomUserId(),
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      displayName:
        input.displayName ?? (`${input.firstName} ${input.lastName}`.trim() || input.email),
      type: input.type,
      status: input.status,
      roleName: 'Member',
      createdAt,
    };
    this.users.set(user.id, user);
    return user;
  }
}

/** Zoom's role ids: 0 for the account owner, 2 for a member. */
export const roleIdOf = (user: SandboxUser): string => (user.roleName === 'Owner' ? '0' : '2');

/** Zoom's timestamps: ISO 8601 to the second. */
export const zoomTime = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The `GET /v2/users/{userId}` body. */
export function userProfile(
  user: SandboxUser,
  accountId: string,
  baseUrl: string,
): Record<string, unknown> {
  const created = zoomTime(user.createdAt);
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: user.displayName,
    pic_url: avatarUrl(baseUrl, user.id),
    type: user.type,
    status: user.status,
    account_id: accountId,
    role_name: user.roleName,
    role_id: roleIdOf(user),
    verified: 1,
    timezone: 'UTC',
    language: 'en-US',
    dept: '',
    created_at: created,
    user_created_at: created,
    last_login_time: created,
    pmi: 0,
    use_pmi: false,
    personal_meeting_url: '',
    phone_number: '',
    group_ids: [],
    im_group_ids: [],
    login_types: [100],
    cluster: 'sandbox',
  };
}
