/** Data sharing: agreements, feeds, downloads, person queries under agreements, webhooks. */
export { sharingCapability } from './sharing-capability.js';
export { FeedReader, type FeedPage, type FeedItem } from './feeds/feed-reader.js';
export { agreementReadableBy, readableAgreement, requestAgreement, decideAgreement } from './agreements/agreements.service.js';
export { PERSON_FIELDS, type Agreement, type PersonField } from './agreements/agreement.js';
