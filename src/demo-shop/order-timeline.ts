/**
 * A seeded order's timeline, from the rest of the order. The seed keeps no events: what happened to a seeded order is
 * all in its notes, fulfilments and refunds, so its timeline is told from them when someone reads the order (the
 * 600,000 events of a 200,000-order shop took some 35 MB and nearly a third of the time making the orders). Orders
 * written since keep the timeline their writes built.
 */
import type { Carrier } from '../contract/constants';
import type { Order } from '../contract/order-schemas';
import { formatCents } from '../contract/values/money';
import { LOCATIONS, locationIndex } from './catalogue';
import type { OrderRecord } from './shop-records';

type OrderEvent = Order['timeline'][number];

const PLACED_MESSAGE = 'Placed by the customer on the online store.';
const CLOSED_MESSAGE = 'Closed: every item has shipped.';
const CARRIER_INDEX: Record<Carrier, number> = { UPS: 0, USPS: 1, FedEx: 2, DHL: 3 };
const unitsText = (n: number) => (n === 1 ? '1 item' : `${n} items`);

/** The order with its timeline: its own, or for a seeded order the one its notes, shipments and refunds tell. */
export function withTimeline(order: OrderRecord): Order {
  const own = (order as Partial<Order>).timeline;
  return own ? (order as Order) : { ...order, timeline: seededTimeline(order) };
}

/** How many events a seeded order's timeline has: its version (one per thing that happened to it). */
export function seededEventCount(order: OrderRecord): number {
  const ended = order.status === 'closed' || order.status === 'cancelled' ? 1 : 0;
  return 1 + order.notes.length + order.fulfilments.length + ended + order.refunds.length;
}

/** One copy of each shipment message, by units × location × carrier (a few hundred in all). */
const shippedMessages = new Map<number, string>();

function shippedMessage(order: OrderRecord, fulfilment: OrderRecord['fulfilments'][number]): string {
  const location = locationIndex(order.locationId) ?? 0;
  let units = 0;
  for (const l of fulfilment.lines) units += l.quantity;
  const key = (units * LOCATIONS.length + location) * 4 + CARRIER_INDEX[fulfilment.carrier];
  let text = shippedMessages.get(key);
  if (text === undefined) {
    text = `Shipped ${unitsText(units)} from ${LOCATIONS[location]!.name} by ${fulfilment.carrier}.`;
    shippedMessages.set(key, text);
  }
  return text;
}

function refundedMessage(order: OrderRecord, refund: OrderRecord['refunds'][number]): string {
  let units = 0;
  for (const l of refund.lines) units += l.quantity;
  const restocked = refund.restock ? `, restocked at ${LOCATIONS[locationIndex(order.locationId) ?? 0]!.name}` : '';
  const what = units > 0 ? ` for ${unitsText(units)}${restocked}` : '';
  return `Refunded ${formatCents(refund.amount)}${what}: ${refund.reason}.`;
}

/**
 * A seeded order's timeline, oldest first: placed; then either cancelled and refunded in the same moment, or its notes
 * and shipments as they happened, closed with the last shipment, and its refunds (which come days after). A seeded
 * note is never written in the second of a shipment: notes come in the first hour, or a minute after the last one.
 */
export function seededTimeline(order: OrderRecord): OrderEvent[] {
  const body = order.id.slice(4);
  const events: OrderEvent[] = [];
  const add = (at: string, type: OrderEvent['type'], actor: OrderEvent['actor'], message: string) =>
    events.push({ id: `evt_${body}_${events.length + 1}`, at, type, actor, message });
  add(order.placedAt, 'placed', null, PLACED_MESSAGE);
  const { notes, fulfilments, refunds } = order;
  const cancelled = order.status === 'cancelled' ? refunds[0] : undefined;
  if (cancelled) {
    let units = 0;
    for (const line of order.lines) units += line.quantity;
    add(cancelled.at, 'cancelled', cancelled.by, `Cancelled ${unitsText(units)}: ${cancelled.reason}.`);
  } else {
    for (let n = 0, f = 0; n < notes.length || f < fulfilments.length;) {
      const note = notes[n];
      const fulfilment = fulfilments[f];
      if (note && (!fulfilment || note.at < fulfilment.at)) {
        add(note.at, 'note_added', note.author, `Note: ${note.text}`);
        n++;
      } else if (fulfilment) {
        add(fulfilment.at, 'fulfilled', fulfilment.by, shippedMessage(order, fulfilment));
        f++;
      }
    }
    const last = fulfilments[fulfilments.length - 1];
    if (order.status === 'closed' && last) add(last.at, 'closed', last.by, CLOSED_MESSAGE);
  }
  for (const refund of refunds) add(refund.at, 'refunded', refund.by, refundedMessage(order, refund));
  return events;
}
