import type { CalendarDate } from "../../src/domain/calendar-date";
import type { Claim } from "../../src/domain/claim";

export const d = (iso: string) => iso as CalendarDate;

/** A valid Professionnel claim of 1 850 € due on `dueDate`, nothing paid nor done. */
export function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    invoiceNumber: "F-2026-001",
    client: "Boulangerie Martin",
    email: "compta@boulangerie-martin.example",
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
