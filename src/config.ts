import path from 'node:path';

/** How much one request may ask for, so that no single query can tie up the database. */
export interface QueryLimits {
  /** Levels of nested selections (introspection aside). */
  maxDepth: number;
  /** The estimated cost: a field costs 1, a list multiplies what it holds (see pagedEstimator). */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 20_000 };
/** How concurrent write transactions share commits (see src/store/group-commit.ts). */
export interface GroupCommitSettings {
  /** The most transactions one commit carries (GROUP_COMMIT_MAX); 1 gives each its own commit. */
  maxSize: number;
  /** How long a commit keeps taking transactions that queue, from its first (GROUP_COMMIT_WAIT_MS). */
  maxWaitMs: number;
  /** Shared transactions under way at once (GROUP_COMMIT_LANES); more arriving queue for them. */
  lanes: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitSettings = { maxSize: 16, maxWaitMs: 5, lanes: 4 };

/** Requests a minute, and a burst, per client address and per signed-in officer; null: no limit. */
export interface RateLimits {
  perClient: RateLimit | null;
  perOfficer: RateLimit | null;
}

/** How many requests one key may make: a sustained rate and a burst above it. */
export interface RateLimit {
  /** Requests a minute, sustained. */
  perMinute: number;
  /** Requests at once after a quiet spell (the bucket's size). */
  burst: number;
}

/**
 * Generous for people (an officer clicking, a page loading its parts) and for a portal relaying
 * its citizens from one address; a loop gone wrong is what they stop.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perClient: { perMinute: 6000, burst: 1000 },
  perOfficer: { perMinute: 1200, burst: 200 },
};

/** An external identity provider: its keys (JWKS), issuer, audience and the username claim. */
export interface IdentityProvider {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  usernameClaim: string;
}

/** Settings read from the environment once, at the edge, and checked. */
export interface Config {
  port: number;
  /** A PostgreSQL URL; when absent, an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl?: string;
  embeddedPostgresPort: number;
  dataDir: string;
  /** Where the embedded server archives its WAL (WAL_ARCHIVE_DIR), for point-in-time recovery. */
  walArchiveDir?: string;
  processesDir: string;
  logLevel: string;
  /** How often the in-process scheduler looks for due timers and jobs. */
  jobPollMs: number;
  /** How long a job taken by a runner stays reserved for it, should it die before finishing. */
  jobLockSeconds: number;
  production: boolean;
  /** How long a sign-in token of ours lasts. */
  tokenMinutes: number;
  /** An external identity provider whose tokens are accepted too (AUTH_JWKS_URL). */
  identityProvider?: IdentityProvider;
  /** How deep (QUERY_MAX_DEPTH) and how costly (QUERY_MAX_COST) one GraphQL query may be. */
  queryLimits: QueryLimits;
  /** How concurrent steps share commits (GROUP_COMMIT_MAX, _WAIT_MS, _LANES). */
  groupCommit: GroupCommitSettings;
  /** Requests per client address and per officer (RATE_LIMIT_CLIENT_*, RATE_LIMIT_OFFICER_*). */
  rateLimits: RateLimits;
  /** Which proxies' X-Forwarded-For to believe for the client's address (TRUST_PROXY, Express's). */
  trustProxy: string | false;
  /**
   * The server reads a national database that subscribes to the provinces (NATIONAL_REPORTING):
   * figures only, no jobs, no deployments, no changes (see docs/operations.md).
   */
  nationalReporting: boolean;
  /** The secret banks sign their payment notices with (BANK_NOTICE_SECRET); none: not taken. */
  bankNoticeSecret?: string;
  /** The providers the citizens' notifications go through; a channel without one is skipped. */
  notifications: NotificationProviders;
  /** The portal each dossier's statuses are pushed to (PORTAL_SYNC_URL, PORTAL_SYNC_SECRET). */
  portalSync?: PortalSettings;
  /**
   * The secret public service portals sign their online submissions with
   * (PORTAL_SUBMISSION_SECRET); none: not taken.
   */
  portalSubmissionSecret?: string;
  /** How results are signed at a `tthc:signature` step, and verified (SIGNING_*). */
  signing: SigningSettings;
}

/**
 * The leaders' certificates and the authorities that verification trusts: a folder of
 * `<username>.p12` files (SIGNING_CERTIFICATES_DIR; none: results are not signed), the
 * passphrase that opens them (SIGNING_PASSPHRASE) and a PEM file of trusted CA certificates
 * (SIGNING_TRUSTED_CA; none: no signature verifies as trusted).
 */
export interface SigningSettings {
  certificatesDir?: string;
  passphrase: string;
  trustedCaFile?: string;
}

/** E-mail through the office's SMTP server (SMTP_URL, MAIL_FROM). */
export interface EmailSettings {
  /** e.g. `smtps://user:password@mail.example.gov.vn:465`. */
  url: string;
  /** e.g. `"Bộ phận Một cửa" <motcua@example.gov.vn>`. */
  from: string;
}

/** A brandname SMS provider (SMS_API_URL, SMS_API_KEY, SMS_BRANDNAME). */
export interface SmsSettings {
  url: string;
  apiKey: string;
  /** The sender name registered with the carriers (tên định danh). */
  brandname: string;
}

/** Zalo's notification service for the office's official account (ZALO_…). */
export interface ZaloSettings {
  url: string;
  accessToken: string;
  /** The template Zalo approved, with the parameters `dossier_code` and `message`. */
  templateId: string;
}

export interface NotificationProviders {
  email?: EmailSettings;
  sms?: SmsSettings;
  zalo?: ZaloSettings;
}

export interface PortalSettings {
  /** The portal's endpoint for a dossier's status. */
  url: string;
  /** The secret the pushes are signed with. */
  secret: string;
}

/** Zalo's endpoint for a template message (ZNS) by phone number. */
const ZALO_ZNS_URL = 'https://business.openapi.zalo.me/message/template';

/**
 * The time zone of the offices: where a "day" begins for receipts, appointments and the day's
 * figures. Vietnam keeps UTC+7 all year. The database holds it too (office_time_zone(), set by
 * the migration OfficeTimeZone): changing it takes a migration.
 */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const PROJECT_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
);

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: portFrom(env, 'PORT', 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPostgresPort: portFrom(env, 'EMBEDDED_PG_PORT', 54329),
    dataDir: path.resolve(PROJECT_ROOT, env.DATA_DIR ?? '.data'),
    walArchiveDir: env.WAL_ARCHIVE_DIR
      ? path.resolve(PROJECT_ROOT, env.WAL_ARCHIVE_DIR)
      : undefined,
    processesDir: path.resolve(PROJECT_ROOT, env.PROCESSES_DIR ?? 'processes'),
    logLevel: logLevelOf(env),
    jobPollMs: positiveInteger(env, 'JOB_POLL_MS', 1000),
    jobLockSeconds: positiveInteger(env, 'JOB_LOCK_SECONDS', 60),
    production: env.NODE_ENV === 'production',
    tokenMinutes: positiveInteger(env, 'AUTH_TOKEN_MINUTES', 480),
    identityProvider: env.AUTH_JWKS_URL
      ? {
          jwksUrl: env.AUTH_JWKS_URL,
          issuer: env.AUTH_ISSUER || undefined,
          audience: env.AUTH_AUDIENCE || undefined,
          usernameClaim: env.AUTH_USERNAME_CLAIM || 'preferred_username',
        }
      : undefined,
    queryLimits: {
      maxDepth: positiveInteger(env, 'QUERY_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxCost: positiveInteger(env, 'QUERY_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
    },
    groupCommit: {
      maxSize: positiveInteger(env, 'GROUP_COMMIT_MAX', DEFAULT_GROUP_COMMIT.maxSize),
      maxWaitMs: positiveInteger(env, 'GROUP_COMMIT_WAIT_MS', DEFAULT_GROUP_COMMIT.maxWaitMs),
      lanes: positiveInteger(env, 'GROUP_COMMIT_LANES', DEFAULT_GROUP_COMMIT.lanes),
    },
    rateLimits: {
      perClient: rateLimitFrom(env, 'RATE_LIMIT_CLIENT', DEFAULT_RATE_LIMITS.perClient),
      perOfficer: rateLimitFrom(env, 'RATE_LIMIT_OFFICER', DEFAULT_RATE_LIMITS.perOfficer),
    },
    trustProxy: env.TRUST_PROXY || false,
    nationalReporting: yesOrNo(env, 'NATIONAL_REPORTING'),
    bankNoticeSecret: env.BANK_NOTICE_SECRET || undefined,
    notifications: notificationProviders(env),
    portalSync: both(
      env.PORTAL_SYNC_URL,
      env.PORTAL_SYNC_SECRET,
      'PORTAL_SYNC_URL and _SECRET',
      (url, secret) => ({
        url,
        secret,
      }),
    ),
    portalSubmissionSecret: env.PORTAL_SUBMISSION_SECRET || undefined,
    signing: signingFrom(env),
  };
}

/** SIGNING_CERTIFICATES_DIR turns signing on; SIGNING_TRUSTED_CA is what verification trusts. */
function signingFrom(env: NodeJS.ProcessEnv): SigningSettings {
  const under = (name: string) => (env[name] ? path.resolve(PROJECT_ROOT, env[name]) : undefined);
  // Without trusted CAs no signature would verify, and every signing step would be refused.
  if (env.SIGNING_CERTIFICATES_DIR && !env.SIGNING_TRUSTED_CA)
    throw new Error('SIGNING_CERTIFICATES_DIR is set: set SIGNING_TRUSTED_CA too');
  return {
    certificatesDir: under('SIGNING_CERTIFICATES_DIR'),
    passphrase: env.SIGNING_PASSPHRASE ?? '',
    trustedCaFile: under('SIGNING_TRUSTED_CA'),
  };
}

/** Each provider whose settings are all given; a half-given one is a mistake worth stopping on. */
function notificationProviders(env: NodeJS.ProcessEnv): NotificationProviders {
  return {
    email: both(env.SMTP_URL, env.MAIL_FROM, 'SMTP_URL and MAIL_FROM', (url, from) => ({
      url,
      from,
    })),
    sms: both(env.SMS_API_URL, env.SMS_API_KEY, 'SMS_API_URL and _KEY', (url, apiKey) => ({
      url,
      apiKey,
      brandname: env.SMS_BRANDNAME || 'MOTCUA',
    })),
    zalo: both(
      env.ZALO_ACCESS_TOKEN,
      env.ZALO_TEMPLATE_ID,
      'ZALO_ACCESS_TOKEN and _TEMPLATE_ID',
      (accessToken, templateId) => ({
        url: env.ZALO_API_URL || ZALO_ZNS_URL,
        accessToken,
        templateId,
      }),
    ),
  };
}

/** Two settings that go together: both given, or neither. */
function both<T>(
  first: string | undefined,
  second: string | undefined,
  names: string,
  make: (first: string, second: string) => T,
): T | undefined {
  if (!first && !second) return undefined;
  if (!first || !second) throw new Error(`${names}: set both of its settings, or neither`);
  return make(first, second);
}

/** `<prefix>_PER_MINUTE` and `<prefix>_BURST`; a rate of 0 turns the limit off. */
function rateLimitFrom(
  env: NodeJS.ProcessEnv,
  prefix: string,
  fallback: RateLimit | null,
): RateLimit | null {
  const perMinute = nonNegativeInteger(env, `${prefix}_PER_MINUTE`, fallback?.perMinute ?? 0);
  if (perMinute === 0) return null;
  return {
    perMinute,
    burst: positiveInteger(env, `${prefix}_BURST`, fallback?.burst ?? perMinute),
  };
}

/** The log level asked for (LOG_LEVEL): read apart, to report a configuration that fails. */
export function logLevelOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? 'info';
}

/** Debian's Chromium, or the one CHROMIUM_PATH names: it prints the forms to PDF. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** A bearer token /metrics asks for (METRICS_TOKEN); none: /metrics is open. */
export function metricsToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.METRICS_TOKEN || undefined;
}

/** `true` or `1`, `false` or `0`; unset or empty: false. */
function yesOrNo(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = env[name];
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new Error(`${name} must be true or false, not '${text}'`);
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return wholeNumber(env, name, fallback, 1);
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return wholeNumber(env, name, fallback, 0);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, least: number) {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least)
    throw new Error(`${name} must be a whole number from ${least}, not '${text}'`);
  return value;
}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, not '${text}'`);
  }
  return port;
}
