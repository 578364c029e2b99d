// The shipped scenarios the product's promises are checked on: every tier, an incident, an
// outage, a week of mixed work and the enterprise org (mmc and oversubscribed-backend aside).

export const SHIPPED = [
  'tier1',
  'tier2',
  'tier3',
  'tier4',
  'p0-incident',
  'ic-outage',
  'multi-instruction-week',
  'enterprise-50',
] as const;
