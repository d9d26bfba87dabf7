import type { MiddlewareConsumer, NestModule, OnApplicationBootstrap } from '@nestjs/common';
import { PluginCommonModule, TransactionalConnection, VendurePlugin } from '@vendure/core';
import { AuditService } from './audit/audit.service';
import { CatalogueService } from './catalogue/catalogue.service';
import { AuditController } from './audit/audit.controller';
import { CatalogueController } from './catalogue/catalogue.controller';
import { NotFoundController } from './not-found.controller';
import { SessionController, StaffController } from './staff/staff.controller';
import { STOCKROOM_CUSTOM_FIELDS } from './custom-fields';
import { STOCKROOM_ENTITIES } from './entities';
import { InventoryController } from './inventory/inventory.controller';
import { InventoryService } from './inventory/inventory.service';
import { OrderController, ReportController } from './orders/order.controller';
import { OrderService } from './orders/order.service';
import { ReportService } from './orders/report.service';
import { HealthController } from './health.controller';
import { StaffService } from './staff/staff.service';
import { ViewsController } from './views/views.controller';
import { ViewsService } from './views/views.service';
import { ensureUniqueIndexes } from './catalogue/unique-indexes';
import { ImportService } from './pricing/import.service';
import { PricingController, ScheduleMiddleware } from './pricing/pricing.controller';
import { PricingService } from './pricing/pricing.service';
import { PRICING_ENTITIES } from './pricing/pricing.entities';
import { DiscountController } from './discounts/discount.controller';
import { DiscountService } from './discounts/discount.service';
import { fillOrderDiscountKeys } from './discounts/discount-usage';
import { CustomerController } from './customers/customer.controller';
import { CustomerService } from './customers/customer.service';
import { ReplenishmentController } from './replenishment/replenishment.controller';
import { SupplierService } from './replenishment/supplier.service';
import { PurchaseOrderService } from './replenishment/purchase-order.service';
import { ReorderService } from './replenishment/reorder.service';
import { AlertService } from './replenishment/alert.service';

/** Stockroom's REST contract (docs/API.md) on Vendure: controllers at /api, entities and custom fields. */
@VendurePlugin({
  imports: [PluginCommonModule],
  providers: [
    StaffService,
    CatalogueService,
    AuditService,
    InventoryService,
    PricingService,
    ImportService,
    ScheduleMiddleware,
    OrderService,
    ReportService,
    ViewsService,
    DiscountService,
    CustomerService,
    SupplierService,
    PurchaseOrderService,
    ReorderService,
    AlertService,
  ],
  // NotFoundController last: its catch-all must not shadow the real routes.
  controllers: [
    HealthController,
    SessionController,
    StaffController,
    AuditController,
    CatalogueController,
    InventoryController,
    PricingController,
    OrderController,
    ReportController,
    ViewsController,
    DiscountController,
    CustomerController,
    ReplenishmentController,
    NotFoundController,
  ],
  entities: [...STOCKROOM_ENTITIES, ...PRICING_ENTITIES],
  configuration: (config) => {
    for (const [entity, fields] of Object.entries(STOCKROOM_CUSTOM_FIELDS)) {
      const key = entity as keyof typeof config.customFields;
      config.customFields[key] = [...(config.customFields[key] ?? []), ...(fields ?? [])];
    }
    return config;
  },
  compatibility: '^3.0.0',
})
export class StockroomPlugin implements NestModule, OnApplicationBootstrap {
  constructor(private connection: TransactionalConnection) {}

  /** Due scheduled price changes run before any /api request (pricing/pricing.controller.ts). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ScheduleMiddleware).forRoutes('api/*path');
  }

  /**
   * The database holds the shop's uniqueness rules (unique-indexes.ts); duplicated data stops the start, naming the rows.
   * Orders from before the discount-code key get theirs (discounts/discount-usage.ts).
   */
  async onApplicationBootstrap(): Promise<void> {
    await ensureUniqueIndexes(this.connection.rawConnection);
    await fillOrderDiscountKeys(this.connection.rawConnection);
  }
}
