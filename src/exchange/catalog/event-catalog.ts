import { BUREAU_EVENTS } from './bureau-events.js';
import { CIVIL_EVENTS } from './civil-events.js';
import { COMMERCE_EVENTS } from './commerce-events.js';
import type { EventType } from './event-type.js';
import { HEALTH_EVENTS } from './health-events.js';
import { LABOR_EVENTS } from './labor-events.js';
import { MCH_EVENTS } from './mch-events.js';
import { POLICE_EVENTS } from './police-events.js';
import { TOWN_EVENTS } from './town-events.js';

/** Every event type of the exchange, in the order of docs/event-catalog.md. */
export const EVENT_TYPES: readonly EventType[] = Object.freeze([
  ...POLICE_EVENTS,
  ...HEALTH_EVENTS,
  ...CIVIL_EVENTS,
  ...LABOR_EVENTS,
  ...COMMERCE_EVENTS,
  ...MCH_EVENTS,
  ...TOWN_EVENTS,
  ...BUREAU_EVENTS,
]);

const BY_KEY = new Map(EVENT_TYPES.map((type) => [type.key, type]));

/** The event type with that key; undefined for an unknown key. */
export function getEventType(key: string): EventType | undefined {
  return BY_KEY.get(key);
}

/** The keys of all event types, in catalog order. */
export function eventTypeKeys(): string[] {
  return EVENT_TYPES.map((type) => type.key);
}
