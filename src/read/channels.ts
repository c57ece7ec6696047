import type { ChannelClass } from "../plan/forecast.js";
import { normalizeHeader } from "./names.js";

/**
 * The channels ccplan knows, their class when inbound, and the labels
 * accepted for each (normalized: lower case, no accents, `_` for blanks).
 * Outbound rows are class `outbound` whatever the channel.
 */
export const CHANNELS: Record<string, { channelClass: ChannelClass; aliases: readonly string[] }> = {
  phone: { channelClass: "sync", aliases: ["phone", "telephone", "tel", "voice", "voix", "call", "calls", "appel", "appels", "inbound_call"] },
  callback: { channelClass: "sync", aliases: ["callback", "call_back", "rappel", "web_callback"] },
  video: { channelClass: "sync", aliases: ["video", "visio", "visioconference", "video_call"] },
  chat: { channelClass: "sync", aliases: ["chat", "tchat", "live_chat", "livechat", "web_chat", "webchat"] },
  messaging: { channelClass: "sync", aliases: ["messaging", "messagerie", "whatsapp", "sms", "messenger", "rcs", "in_app_messaging"] },
  social: { channelClass: "async", aliases: ["social", "social_media", "reseaux_sociaux", "rs", "twitter", "x", "facebook", "instagram"] },
  email: { channelClass: "async", aliases: ["email", "e_mail", "mail_electronique", "courriel", "emails"] },
  mail: { channelClass: "async", aliases: ["mail", "postal", "postal_mail", "letter", "lettre", "courrier", "paper"] },
  form: { channelClass: "async", aliases: ["form", "forms", "formulaire", "web_form", "ticket", "tickets", "selfcare", "self_care"] },
};

const LOOKUP = new Map<string, string>();
for (const [name, { aliases }] of Object.entries(CHANNELS)) for (const a of aliases) LOOKUP.set(a, name);

/** The canonical channel for a label (`Téléphone` → `phone`), or undefined. */
export function canonicalChannel(label: string): string | undefined {
  return LOOKUP.get(normalizeHeader(label));
}
