// Display names the Teams and Microsoft 365 admin centers use for the engine's enums.
export const SKU_NAMES = {
  Microsoft365BusinessPremium: 'Microsoft 365 Business Premium',
  Office365E3: 'Office 365 E3',
  Office365E5: 'Office 365 E5',
  AudioConferencingMonthly: 'Audio Conferencing (monthly)',
  AudioConferencingPayPerMinute: 'Audio Conferencing (pay-per-minute)',
  CommunicationsCredits: 'Communications Credits',
  CallingPlanDomestic: 'Domestic Calling Plan',
  CallingPlanInternational: 'Domestic and International Calling Plan',
};
export const SKUS = Object.keys(SKU_NAMES);

export const DIAL_OUT = [
  { value: 'AnyDestination', label: 'Any destination' },
  { value: 'InSameCountryOrRegion', label: 'In the same country or region as the organizer' },
  { value: 'DontAllow', label: 'Don\'t allow' },
];

export function skuName(sku) {
  return SKU_NAMES[sku] ?? String(sku);
}


