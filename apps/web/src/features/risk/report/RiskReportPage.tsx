export function RiskReportPage() { return null; }
