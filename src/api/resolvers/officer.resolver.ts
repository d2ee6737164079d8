import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { queryAudit } from '../../store/audit';
import { AttemptLimit } from '../../auth/attempt-limit';
import { setAgencyPayee } from '../../auth/agency-payee';
import {
  assignRole,
  createAgency,
  createOfficer,
  deactivateOfficer,
  removeRole,
  setAbsence,
} from '../../auth/officers';
import { passwordMatches } from '../../auth/passwords';
import { holds } from '../../auth/policy';
import { loadPrincipal, type Principal } from '../../auth/principal';
import { issueToken, signingKey } from '../../auth/tokens';
import { AppError } from '../../errors';
import { activeOfficerIds, allAgencies, officerByUsername } from '../../store/officers';
import type { ApiContext } from '../context';
import { optionalText, rangeInput, requiredText } from '../inputs';
import {
  Absence,
  Agency,
  AuditEvent,
  AuditFilter,
  MembershipKind,
  Officer,
  OfficerInput,
  SignIn,
} from '../types/officer.type';

const loginLimit = new AttemptLimit('sign-ins', 'username');

const toOfficer = (principal: Principal): Officer => ({
  id: principal.officerId,
  username: principal.username,
  fullName: principal.fullName,
  agency: principal.agency,
  roles: principal.roles,
  covering: principal.covering,
});

/** The signed-in officer; the policy has already refused anyone else. */
export function signedIn(context: ApiContext): Principal {
  const principal = context.auth.principal;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return principal;
}

@Resolver()
export class OfficerResolver {
  @Mutation(() => SignIn, {
    description: 'Signs in with a username and password; the token names the officer.',
  })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() context: ApiContext,
  ): Promise<SignIn> {
    const now = context.now();
    const name = requiredText(username, 'username');
    loginLimit.check(name, now);
    const officer = await officerByUsername(context.store, name, { active: true });
    // The same answer, after the same time, for an unknown name and a wrong password.
    const valid = await passwordMatches(password, officer?.passwordHash);
    const principal =
      valid && officer ? await loadPrincipal(context.store, { officerId: officer.id }, now) : null;
    if (!principal) {
      loginLimit.failed(name, now);
      throw new AppError('UNAUTHENTICATED', 'Wrong username or password', { field: 'password' });
    }
    loginLimit.succeeded(name);
    const minutes = context.authConfig.tokenMinutes;
    const token = await issueToken(
      await signingKey(context.store),
      { id: principal.officerId, username: principal.username },
      now,
      minutes,
    );
    return {
      token,
      expiresAt: new Date(now.getTime() + minutes * 60_000),
      officer: toOfficer(principal),
    };
  }

  @Query(() => Officer, { description: 'The signed-in officer and the roles they hold now.' })
  me(@Ctx() context: ApiContext): Officer {
    return toOfficer(signedIn(context));
  }

  @Query(() => [Agency])
  agencies(@Ctx() context: ApiContext): Promise<Agency[]> {
    return allAgencies(context.store);
  }

  @Query(() => [Officer], {
    description:
      "The officers of an agency (a leader sees their own agency's), with their roles now.",
  })
  async officers(
    @Arg('agencyCode', () => String, { nullable: true }) agencyCode: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<Officer[]> {
    const me = signedIn(context);
    const code = holds(me, 'admin') ? (agencyCode ?? me.agency.code) : me.agency.code;
    const officers: Officer[] = [];
    for (const id of await activeOfficerIds(context.store, code)) {
      const principal = await loadPrincipal(context.store, { officerId: id }, context.now());
      if (principal) officers.push(toOfficer(principal));
    }
    return officers;
  }

  @Mutation(() => Agency)
  createAgency(
    @Arg('code', () => String) code: string,
    @Arg('name', () => String) name: string,
    @Arg('kind', () => String) kind: string,
    @Arg('dossierPrefix', () => String, { nullable: true }) dossierPrefix: string | undefined,
    @Arg('serves', () => [String], {
      nullable: true,
      description: 'The agencies it works for in joint procedures, by code.',
    })
    serves: string[] | undefined,
    @Ctx() context: ApiContext,
    @Arg('parentCode', () => String, {
      nullable: true,
      description:
        "The agency above it, by code: a commune's district or province, a district's province.",
    })
    parentCode?: string,
  ): Promise<Agency> {
    return createAgency(context.store, {
      code: requiredText(code, 'code'),
      name: requiredText(name, 'name'),
      kind: requiredText(kind, 'kind'),
      dossierPrefix: optionalText(dossierPrefix, 'dossierPrefix'),
      serves: serves ?? undefined,
      parentCode: optionalText(parentCode, 'parentCode'),
      now: context.now(),
    });
  }

  @Mutation(() => Agency, {
    description:
      "The account an agency's fees are paid to: the VietQR codes on its papers carry it from then on.",
  })
  setAgencyPayee(
    @Arg('agencyCode', () => String) agencyCode: string,
    @Arg('bankBin', () => String, { description: "The bank's NAPAS BIN, six digits." })
    bankBin: string,
    @Arg('account', () => String) account: string,
    @Arg('accountName', () => String) accountName: string,
    @Ctx() context: ApiContext,
  ): Promise<Agency> {
    return setAgencyPayee(context.store, requiredText(agencyCode, 'agencyCode'), {
      bankBin: requiredText(bankBin, 'bankBin'),
      account: requiredText(account, 'account'),
      name: requiredText(accountName, 'accountName'),
    });
  }

  @Mutation(() => Officer)
  async createOfficer(
    @Arg('input', () => OfficerInput) input: OfficerInput,
    @Ctx() context: ApiContext,
  ): Promise<Officer> {
    const officer = await createOfficer(context.store, {
      ...input,
      password: input.password ?? undefined,
      now: context.now(),
    });
    return this.officerNow(context, officer.id);
  }

  @Mutation(() => Boolean, {
    description:
      'An officer leaves: they can no longer sign in and their tokens stop working at once.',
  })
  async deactivateOfficer(
    @Arg('username', () => String) username: string,
    @Ctx() context: ApiContext,
  ): Promise<boolean> {
    await deactivateOfficer(context.store, requiredText(username, 'username'));
    return true;
  }

  @Mutation(() => Officer)
  async assignRole(
    @Arg('username', () => String) username: string,
    @Arg('role', () => String) role: string,
    @Arg('kind', () => MembershipKind, { defaultValue: 'official' }) kind: MembershipKind,
    @Ctx() context: ApiContext,
  ): Promise<Officer> {
    await assignRole(context.store, { username, role, kind });
    return this.officerNamed(context, username);
  }

  @Mutation(() => Officer)
  async removeRole(
    @Arg('username', () => String) username: string,
    @Arg('role', () => String) role: string,
    @Ctx() context: ApiContext,
  ): Promise<Officer> {
    await removeRole(context.store, { username, role });
    return this.officerNamed(context, username);
  }

  @Mutation(() => Absence, {
    description: "Sets an officer's absence; their roles' backups cover them meanwhile.",
  })
  async setAbsence(
    @Arg('username', () => String) username: string,
    @Arg('startsAt', () => Date) startsAt: Date,
    @Arg('endsAt', () => Date) endsAt: Date,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<Absence> {
    const absence = await setAbsence(context.store, signedIn(context), {
      username,
      startsAt,
      endsAt,
      reason: requiredText(reason, 'reason'),
      now: context.now(),
    });
    return { ...absence, username };
  }

  @Query(() => [AuditEvent], { description: 'Mutations, newest first.' })
  auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() context: ApiContext,
  ): Promise<AuditEvent[]> {
    return queryAudit(context.store, filter ?? {}, rangeInput(first, 'first', 1, 1000));
  }

  private async officerNamed(context: ApiContext, username: string): Promise<Officer> {
    const principal = await loadPrincipal(context.store, { username }, context.now());
    if (!principal)
      throw new AppError('NOT_FOUND', `Officer '${username}' was not found`, { field: 'username' });
    return toOfficer(principal);
  }

  private officerNow(context: ApiContext, officerId: string): Promise<Officer> {
    return loadPrincipal(context.store, { officerId }, context.now()).then((principal) => {
      if (!principal) throw new Error(`officer ${officerId} vanished`);
      return toOfficer(principal);
    });
  }
}
