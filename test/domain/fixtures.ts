import type { CalendarDate } from "../../src/domain/calendar-date";
import type { Claim } from "../../src/domain/claim";

export const d = (iso: string) => iso as CalendarDate;

/** A valid Professionnel claim of 1 850 € due on `dueDate`, nothing paid nor done. */
/** "compta@garage-petit.example" for « Garage Petit »: each test debtor has its own address
 * unless the test says otherwise (a debtor is a name and an address). */
export function addressOf(client: string): string {
  const slug = client
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `compta@${slug || "client"}.example`;
}

export function claim(overrides: Partial<Claim> = {}): Claim {
  const client = overrides.client ?? "Boulangerie Martin";
  return {
    invoiceNumber: "F-2026-001",
    client,
    email: addressOf(client),
    clientType: "Professionnel",
    clientTypeDefaulted: false,
    invoiceDate: d("2026-09-02"),
    dueDate: d("2026-10-02"),
    dueDateDefaulted: false,
    amount: 1850,
    paid: 0,
    profile: "Standard",
    disputed: false,
    ...overrides,
  };
}
