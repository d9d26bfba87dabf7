/**
 * Staff are Vendure Administrators (with their Users, native passwords and a
 * `stockroom-<role>` Role); sessions are Vendure sessions in a cookie. Who may
 * do what comes from src/contract/permissions.ts, refused in the contract's words (src/domain/auth-rules.ts, staff-rules.ts).
 */
import { Injectable } from '@nestjs/common';
import {
  Administrator,
  AuthenticatedSession,
  AuthService,
  ConfigService,
  NativeAuthenticationMethod,
  PasswordCipher,
  RequestContext,
  Role as VendureRole,
  TransactionalConnection,
  User,
} from '@vendure/core';
import type { Request } from 'express';
import { In, IsNull, type EntityManager } from 'typeorm';
import { unauthenticated } from '#shared/domain/auth-rules';
import { decideStaffUpdate, emailTaken, staffNotFound } from '#shared/domain/staff-rules';
import { staffAudit } from '#shared/domain/audit-rules';
import { assertAllowed } from '#shared/contract/problems';
import { isPostgres, serialTransaction } from '../serial-writes';
import { ROLES, type Action, type Role } from '#shared/contract/permissions';
import type { Session, SignInInput, Staff, StaffCreateInput, StaffUpdateInput } from '#shared/contract/schemas';
import { recordAudit, type Actor } from '../audit/audit.service';
import { admitSignIn, clientAddress } from './sign-in-throttle';
import { ids } from '../http';
import { roleCode, roleFromCodes } from './roles';
import { nowDate, onClock } from '../clock';

const COOKIE_NAME = 'stockroom-session';

type AdminRow = Administrator & { user: User };
/** cookie-session (mounted by Vendure for the cookie token method) hangs the session document on the request. */
type CookieRequest = Request & { session?: { token?: string } | null };

function splitName(name: string): { firstName: string; lastName: string } {
  const at = name.indexOf(' ');
  return at < 0 ? { firstName: name, lastName: '' } : { firstName: name.slice(0, at), lastName: name.slice(at + 1) };
}

export function staffOf(admin: AdminRow): Staff | null {
  const role = roleFromCodes(admin.user.roles.map((r) => r.code));
  if (!role) return null;
  return {
    id: ids.staff(admin.id),
    email: admin.emailAddress,
    name: `${admin.firstName} ${admin.lastName}`.trim(),
    role,
    active: admin.customFields.active,
    createdAt: admin.createdAt.toISOString(),
    updatedAt: admin.updatedAt.toISOString(),
    version: admin.customFields.version,
  };
}

@Injectable()
export class StaffService {
  constructor(
    private connection: TransactionalConnection,
    private authService: AuthService,
    private configService: ConfigService,
    private passwordCipher: PasswordCipher,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  private admins(em: EntityManager = this.db.manager) {
    return em.getRepository(Administrator);
  }

  private async adminByUser(userId: number | string): Promise<AdminRow | null> {
    return (await this.admins().findOne({
      where: { user: { id: userId }, deletedAt: IsNull() },
      relations: { user: { roles: true } },
    })) as AdminRow | null;
  }

  /** The person behind a request: 401 without a live session (src/domain/auth-rules.ts). */
  async actor(ctx: RequestContext, req: Request): Promise<Actor> {
    const userId = ctx.activeUserId;
    if (userId === undefined) {
      // Vendure already dropped a dead token; the cookie still being sent means it was a session that ended.
      const hadCookie = (req.headers.cookie ?? '').includes(`${COOKIE_NAME}=`);
      throw hadCookie ? unauthenticated('Your session has expired. Sign in again to continue where you were.') : unauthenticated();
    }
    // Vendure keeps sessions in a per-instance cache; the session's row is what every instance shares, so a
    // sign-out (or an expiry) on one instance is seen here at once. The person is read fresh too: a
    // deactivation or a new role counts from the next request, whichever instance answers it.
    // Both in one query on every request (a join of four small indexed tables), rather than an entity load.
    const token = ctx.session?.token;
    const rows = token ? await this.personOfSession(userId, token) : [];
    const [person] = rows;
    if (!person) throw unauthenticated('Your session has expired. Sign in again to continue where you were.');
    const role = roleFromCodes(rows.map((r) => r.roleCode ?? ''));
    if (!role) throw unauthenticated();
    if (!person.active) throw unauthenticated('This account is no longer active.');
    return {
      id: ids.staff(person.id),
      name: `${person.firstName} ${person.lastName}`.trim(),
      role,
      userId: Number(userId),
      administratorId: Number(person.id),
    };
  }

  /** The live administrator of `userId` with one row per role, if the session `token` still stands in the shared table. */
  private personOfSession(userId: number | string, token: string) {
    return this.db
      .createQueryBuilder()
      .select('a.id', 'id')
      .addSelect('a.firstName', 'firstName')
      .addSelect('a.lastName', 'lastName')
      .addSelect('a.customFields.active', 'active')
      .addSelect('r.code', 'roleCode')
      .from(Administrator, 'a')
      .leftJoin('user_roles_role', 'ur', '"ur"."userId" = "a"."userId"')
      .leftJoin(VendureRole, 'r', '"r"."id" = "ur"."roleId"')
      .where('"a"."userId" = :userId AND a.deletedAt IS NULL', { userId })
      .andWhere('EXISTS (SELECT 1 FROM "session" "s" WHERE "s"."token" = :token AND "s"."invalidated" = :invalidated)', {
        token,
        invalidated: false,
      })
      .getRawMany<{ id: number | string; firstName: string; lastName: string; active: boolean | number; roleCode: string | null }>();
  }

  /** 401 or 403 (with the permission table's plain reason), else the actor. */
  async require(ctx: RequestContext, req: Request, action: Action): Promise<Actor> {
    const actor = await this.actor(ctx, req);
    assertAllowed(actor.role, action);
    return actor;
  }

  async signIn(ctx: RequestContext, req: CookieRequest, input: SignInInput): Promise<Session> {
    // Decided before the password is checked: a refused attempt (429) checks none.
    const attempt = await admitSignIn(this.db, input.email, clientAddress(req.ip ?? req.socket.remoteAddress));
    // A REST route's context has apiType 'custom', and Vendure would then look the email up among customers: staff sign in as admins.
    const adminCtx = new RequestContext({
      req: ctx.req,
      apiType: 'admin',
      channel: ctx.channel,
      languageCode: ctx.languageCode,
      isAuthorized: false,
      authorizedAsOwnerOnly: false,
    });
    const result = await this.authService.authenticate(adminCtx, 'admin', 'native', { username: input.email, password: input.password });
    const session = result instanceof AuthenticatedSession ? result : null;
    const admin = session && (await this.adminByUser(session.user.id));
    const staff = admin && staffOf(admin);
    if (!session || !staff || !staff.active) {
      if (session) await this.authService.destroyAuthenticatedSession(adminCtx, session.token);
      throw await attempt.failed();
    }
    await attempt.succeeded();
    // What Vendure's own login does for the cookie token method (cookie-session is mounted globally).
    if (req.session) req.session.token = session.token;
    return { user: staff, expiresAt: onClock(session.expires.getTime()).toISOString() };
  }

  async session(ctx: RequestContext, req: Request): Promise<Session> {
    const actor = await this.actor(ctx, req);
    const admin = await this.adminByUser(actor.userId);
    const staff = admin && staffOf(admin);
    const expires = ctx.session?.expires;
    if (!staff || !expires) throw unauthenticated();
    return { user: staff, expiresAt: onClock(new Date(expires).getTime()).toISOString() };
  }

  async signOut(ctx: RequestContext, req: CookieRequest): Promise<void> {
    const token = ctx.session?.token;
    if (token) await this.authService.destroyAuthenticatedSession(ctx, token);
    req.session = null;
  }

  async list(em: EntityManager = this.db.manager): Promise<Staff[]> {
    const admins = (await this.admins(em).find({
      where: { deletedAt: IsNull() },
      relations: { user: { roles: true } },
      order: { id: 'ASC' },
    })) as AdminRow[];
    return admins.map(staffOf).filter((s): s is Staff => s !== null);
  }

  /** A Stockroom person as Vendure rows: User (verified, with the role), native password, Administrator. The seed uses it too. */
  async insertStaff(em: EntityManager, input: { email: string; name: string; role: Role; password: string }, at: Date): Promise<AdminRow> {
    const role = await em.getRepository(VendureRole).findOneByOrFail({ code: roleCode(input.role) });
    const user = await em
      .getRepository(User)
      .save(new User({ identifier: input.email, verified: true, roles: [role], createdAt: at, updatedAt: at }));
    await em.getRepository(NativeAuthenticationMethod).save(
      new NativeAuthenticationMethod({
        identifier: input.email,
        passwordHash: await this.passwordCipher.hash(input.password),
        user,
      }),
    );
    const admin = await em.getRepository(Administrator).save(
      new Administrator({
        emailAddress: input.email,
        ...splitName(input.name),
        user,
        customFields: { active: true, version: 1 },
        createdAt: at,
        updatedAt: at,
      }),
    );
    return admin as AdminRow;
  }

  async create(actor: Actor, input: StaffCreateInput): Promise<Staff> {
    const now = nowDate();
    return serialTransaction(this.db, async (em) => {
      const taken = await em.getRepository(User).findOneBy({ identifier: input.email, deletedAt: IsNull() });
      if (taken) throw emailTaken();
      const admin = await this.insertStaff(em, input, now);
      const staff = staffOf(admin);
      if (!staff) throw new Error('A new staff member has no Stockroom role');
      await recordAudit(em, actor, 'created', now, staffAudit(undefined, staff));
      return staff;
    });
  }

  async update(actor: Actor, id: string, version: number, input: StaffUpdateInput): Promise<Staff> {
    const now = nowDate();
    const adminId = ids.parse('staff', id);
    if (adminId === null) throw staffNotFound(id);
    return serialTransaction(this.db, async (em) => {
      // "The last active admin stays" counts the others: every staff row is locked first (PostgreSQL; SQLite queues
      // its writes), so two admins demoting each other at once are decided one after the other, the second on the
      // first's result. Staff are a handful of rows.
      if (isPostgres(this.db)) {
        await em
          .getRepository(Administrator)
          .createQueryBuilder('a')
          .select('a.id')
          .orderBy('a.id')
          .setLock('pessimistic_write')
          .getRawMany();
      }
      const load = async () =>
        (await this.admins(em).findOne({
          where: { id: adminId, deletedAt: IsNull() },
          relations: { user: { roles: true } },
        })) as AdminRow | null;
      const admin = await load();
      const current = admin && staffOf(admin);
      if (!admin || !current) throw staffNotFound(id);
      const others = (await this.list(em)).filter((s) => s.id !== id && s.active && s.role === 'admin').length;
      const next = decideStaffUpdate(current, actor.id, version, input, others);
      if (!next.changed) return current;
      // Compare-and-set: a concurrent save on another instance makes this match no row, never a silent overwrite.
      const result = await em
        .createQueryBuilder()
        .update(Administrator)
        .set({ customFields: { active: next.active, version: current.version + 1 }, updatedAt: now })
        .where('id = :id AND customFieldsVersion = :version', { id: adminId, version })
        .execute();
      if (result.affected !== 1) {
        const fresh = await load();
        const freshStaff = fresh && staffOf(fresh);
        if (!freshStaff) throw staffNotFound(id);
        // Its version moved on, so the same decision now refuses with the current person (409).
        decideStaffUpdate(freshStaff, actor.id, version, input, others);
        throw new Error('The staff row did not match its own version');
      }
      if (next.role !== current.role) {
        const roles = await em.getRepository(VendureRole).findBy({ code: In(ROLES.map(roleCode)) });
        const newRole = roles.find((r) => r.code === roleCode(next.role));
        await em
          .createQueryBuilder()
          .relation(User, 'roles')
          .of(admin.user.id)
          .addAndRemove(
            newRole ? [newRole.id] : [],
            admin.user.roles.filter((r) => roles.some((s) => s.id === r.id)).map((r) => r.id),
          );
      }
      const saved = await load();
      const staff = saved && staffOf(saved);
      if (!staff) throw staffNotFound(id);
      await recordAudit(em, actor, 'updated', now, staffAudit(current, staff));
      return staff;
    });
  }
}
