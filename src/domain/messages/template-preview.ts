// The live preview of a template: the email a sample dossier of the ledger would receive,
// built by the very builders the daily run uses, with the template being edited.
import type { CalendarDate } from "../calendar-date";
import { type Claim, isOverdue, isPaid, isProfessional } from "../claim";
import type { Profile } from "../ladder";
import type { RecoverySettings } from "../settings";
import type { MessageDocument } from "./document";
import { buildFormalNotice } from "./formal-notice";
import { buildReminder } from "./reminder";
import {
  type MessageTemplate,
  renderTemplate,
  type TemplateStep,
  templateValues,
  type ValuePlaceholder,
} from "./templates";

export interface TemplateSample {
  client: string;
  claims: Claim[];
  today: CalendarDate;
  /** The last reminder of the sample, for {{derniere_relance}}. */
  lastContact: CalendarDate | null;
}

/** The first debtor of the ledger with open overdue invoices, a professional if there is
 * one (so the preview shows the legal mention), with those invoices. */
export function templateSample(
  claims: readonly Claim[],
  today: CalendarDate,
): TemplateSample | null {
  const open = claims.filter((c) => !isPaid(c) && !c.disputed && isOverdue(c, today));
  const head = open.find(isProfessional) ?? open[0];
  if (!head) return null;
  const chosen = open.filter((c) => c.client === head.client && c.clientType === head.clientType);
  const contacts = chosen.flatMap((c) => (c.lastStepDate ? [c.lastStepDate] : [])).sort();
  return { client: head.client, claims: chosen, today, lastContact: contacts.pop() ?? null };
}

export interface TemplatePreview {
  email: MessageDocument;
  problems: string[];
  blanks: ValuePlaceholder[];
}

/** The sample's email for `template` (its step and profile), in `settings`' other terms. */
export function previewTemplate(
  sample: TemplateSample,
  settings: RecoverySettings,
  template: MessageTemplate,
): TemplatePreview {
  const claims = sample.claims.map((c) => ({ ...c, profile: template.profile as Profile }));
  const withTemplate: RecoverySettings = { ...settings, templates: [template] };
  const { client, today } = sample;
  const step: TemplateStep = template.step;
  const email =
    step === 3
      ? buildFormalNotice({
          client,
          claims,
          today,
          settings: withTemplate,
          previousReminders: sample.lastContact ? [sample.lastContact] : [],
        }).email
      : buildReminder({
          step,
          client,
          claims,
          today,
          settings: withTemplate,
          ...(sample.lastContact ? { previousContact: sample.lastContact } : {}),
        });
  const rendered = renderTemplate(
    template,
    templateValues({
      client,
      claims,
      creditor: settings.creditor,
      amountDue: 0,
      deadline: today,
      lastContact: sample.lastContact ?? undefined,
    }),
  );
  return { email, problems: rendered.problems, blanks: rendered.blanks };
}
