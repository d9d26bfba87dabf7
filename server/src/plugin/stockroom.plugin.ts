import { PluginCommonModule, VendurePlugin } from '@vendure/core';
import { AuditService } from './audit.service';
import { CatalogueService } from './catalogue.service';
import { AuditController, CatalogueController, NotFoundController, SessionController, StaffController } from './controllers';
import { STOCKROOM_CUSTOM_FIELDS } from './custom-fields';
import { STOCKROOM_ENTITIES } from './entities';
import { StaffService } from './staff.service';
import { OrderController, ReportController } from './orders/order.controller';
import { OrderService } from './orders/order.service';
import { ReportService } from './orders/report.service';

/** Stockroom's REST contract (docs/API.md) on Vendure: controllers at /api, entities and custom fields. */
@VendurePlugin({
  imports: [PluginCommonModule],
  providers: [StaffService, CatalogueService, AuditService, OrderService, ReportService],
  // NotFoundController last: its catch-all must not shadow the real routes.
  controllers: [
    SessionController,
    StaffController,
    AuditController,
    CatalogueController,
    OrderController,
    ReportController,
    NotFoundController,
  ],
  entities: [...STOCKROOM_ENTITIES],
  configuration: (config) => {
    for (const [entity, fields] of Object.entries(STOCKROOM_CUSTOM_FIELDS)) {
      const key = entity as keyof typeof config.customFields;
      config.customFields[key] = [...(config.customFields[key] ?? []), ...(fields ?? [])];
    }
    return config;
  },
  compatibility: '^3.0.0',
})
export class StockroomPlugin {}
