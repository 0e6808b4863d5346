/** A request the rules refuse, said in one French sentence for the user (the sidebar shows
 * the message as it is; anything else thrown is wrapped as an unexpected failure). */
export class Refusal extends Error {}
