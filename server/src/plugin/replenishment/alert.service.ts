/**
 * Open alerts (GET /api/alerts): the stored level alerts not dismissed whose condition still holds
 * (levelAlertView, on each level's facts now), and an alert for each open purchase order past its expected day
 * (overdueAlert, unless dismissed under that id), newest first (sortAlerts), paged. Dismissing marks a level alert,
 * or remembers an overdue one's id (which names the expected day, so a new day is a new alert), as the mock does.
 */
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@vendure/core';
import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { ProblemError } from '#shared/contract/problems';
import type { Alert, AlertQuery, PurchaseOrder } from '#shared/contract/replenishment-schemas';
import { levelAlertView, overdueAlert, overdueAlertId, sortAlerts, type StoredAlert } from '#shared/domain/alert-rules';
import { OPEN_STATUSES } from '#shared/domain/purchase-decisions';
import type { Actor } from '../audit/audit.service';
import { nowDate } from '../clock';
import { idempotentWrite } from '../idempotency';
import { variantIdsOf, InventoryService } from '../inventory/inventory.service';
import { levelFacts } from './level-alerts';
import { AlertRecord, DismissedAlertRecord, PurchaseOrderRecord } from './replenishment.entities';
import { storeToday } from './purchase-order.service';

function alertNotFound(id: string): ProblemError {
  return new ProblemError({ status: 404, title: 'Alert not found', detail: `No open alert has the id ${id}.` });
}

@Injectable()
export class AlertService {
  constructor(
    private connection: TransactionalConnection,
    private inventory: InventoryService,
  ) {}

  private get db() {
    return this.connection.rawConnection;
  }

  /** Open purchase orders past their expected day (few: a shop's late deliveries). */
  private async overdueOrders(em: EntityManager, today: string): Promise<PurchaseOrder[]> {
    const rows = await em
      .getRepository(PurchaseOrderRecord)
      .find({ where: { status: In([...OPEN_STATUSES]), expectedOn: LessThan(today) } });
    return rows.map((r) => JSON.parse(r.document) as PurchaseOrder);
  }

  async list(query: AlertQuery): Promise<{ items: Alert[]; total: number }> {
    const em = this.db.manager;
    const today = storeToday();
    const stored = await em.getRepository(AlertRecord).find({ where: { dismissedAt: IsNull() } });
    const facts = await levelFacts(em, variantIdsOf([...new Set(stored.map((a) => a.variantId))]));
    const locations = (await this.inventory.locations(em)).map(({ id, name }) => ({ id, name }));
    const open: Alert[] = [];
    for (const alert of stored) {
      const now = facts.get(`${alert.variantId}@${alert.locationId}`);
      const view = now ? levelAlertView(storedOf(alert), now, locations) : null;
      if (view) open.push(view);
    }
    const dismissed = new Set((await em.getRepository(DismissedAlertRecord).find({ select: { id: true } })).map((d) => d.id));
    for (const po of await this.overdueOrders(em, today)) {
      const view = overdueAlert(po, today, dismissed);
      if (view) open.push(view);
    }
    sortAlerts(open);
    return { items: open.slice(query.offset, query.offset + query.limit), total: open.length };
  }

  async dismiss(actor: Actor, id: string): Promise<void> {
    await idempotentWrite(this.db, actor, null, async (em) => {
      const at = nowDate().toISOString();
      const cas = await em
        .createQueryBuilder()
        .update(AlertRecord)
        .set({ dismissedAt: at })
        .where('id = :id AND "dismissedAt" IS NULL', { id })
        .execute();
      if (cas.affected === 1) return { status: 204, body: null };
      const po = (await this.overdueOrders(em, storeToday())).find((p) => overdueAlertId(p) === id);
      const repo = em.getRepository(DismissedAlertRecord);
      if (!po || (await repo.exists({ where: { id } }))) throw alertNotFound(id);
      await repo.insert({ id, dismissedAt: at });
      return { status: 204, body: null };
    });
  }
}

function storedOf(r: AlertRecord): StoredAlert {
  return {
    id: r.id,
    kind: r.kind as StoredAlert['kind'],
    variantId: r.variantId,
    locationId: r.locationId,
    sku: r.sku,
    raisedAt: r.raisedAt,
    dismissedAt: r.dismissedAt,
  };
}
