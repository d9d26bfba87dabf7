/**
 * The audit log: written inside the transaction of the change it records
 * (so a change without its entry cannot be committed), read page by page.
 */
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import type { EntityManager } from 'typeorm';
import type { AuditDraft } from '#shared/domain/audit-rules';
import type { AuditEntry, AuditListQuery } from '#shared/contract/schemas';
import type { Role } from '#shared/contract/permissions';
import { AuditEntryRecord } from '../entities';
import { ids } from '../http';

export type Actor = { id: string; name: string; role: Role; userId: number; administratorId: number };

export async function recordAudit(em: EntityManager, actor: Actor, action: string, at: Date, drafts: readonly AuditDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await em.getRepository(AuditEntryRecord).insert(
    drafts.map((d) => ({
      createdAt: at,
      updatedAt: at,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      entityType: d.entityType,
      entityId: d.entityId,
      entityLabel: d.entityLabel,
      action,
      before: JSON.stringify(d.before),
      after: JSON.stringify(d.after),
    })),
  );
}

function toEntry(r: AuditEntryRecord): AuditEntry {
  return {
    id: ids.audit(r.id),
    at: r.createdAt.toISOString(),
    actor: { id: r.actorId, name: r.actorName, role: r.actorRole as Role },
    entityType: r.entityType as AuditEntry['entityType'],
    entityId: r.entityId,
    entityLabel: r.entityLabel,
    action: r.action,
    before: JSON.parse(r.before) as Record<string, unknown>,
    after: JSON.parse(r.after) as Record<string, unknown>,
  };
}

@Injectable()
export class AuditService {
  constructor(private connection: TransactionalConnection) {}

  async list(query: AuditListQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const qb = this.connection.rawConnection.getRepository(AuditEntryRecord).createQueryBuilder('a');
    if (query.actorId !== undefined) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.entityType !== undefined) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId !== undefined) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.from !== undefined) qb.andWhere('a.createdAt >= :from', { from: new Date(query.from) });
    if (query.to !== undefined) qb.andWhere('a.createdAt < :to', { to: new Date(query.to) });
    // Entries are appended in time order, so the id breaks ties the way the log was written.
    const dir = query.sort === '-at' ? 'DESC' : 'ASC';
    qb.orderBy('a.createdAt', dir).addOrderBy('a.id', dir).skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toEntry), total };
  }
}
