export function AcceptanceCriteriaPage() { return null; }
