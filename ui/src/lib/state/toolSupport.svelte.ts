/**
 * Whether the coach's model can look things up. The server says so in GET /api/ai/settings
 * (`toolsSupported`); an answer whose provider refused tools says so in its done frame
 * (`toolsRejected`) or start frame (`toolsSupported: false`). Settings → AI coach shows the
 * notice once, rather than every answer repeating it.
 */
class ToolSupport {
  /** The model an answer found unable to use tools during this visit ("" when the frame named none). */
  rejectedModel = $state<string | null>(null);

  noteRejected(model: string | null | undefined): void {
    this.rejectedModel = model ?? '';
  }

  /** Should Settings say the model cannot look things up? */
  cannotLookUp(settings: { toolsSupported?: boolean | null; active?: { model: string } | null } | null): boolean {
    if (settings?.toolsSupported === false) return true;
    if (settings?.toolsSupported === true || this.rejectedModel === null) return false;
    // An answer said so; it still applies while the same model is chosen.
    return this.rejectedModel === '' || this.rejectedModel === (settings?.active?.model ?? null);
  }
}

export const toolSupport = new ToolSupport();

export const NO_TOOLS_NOTICE = 'This model cannot look things up; the coach uses a fixed summary of your data.';
