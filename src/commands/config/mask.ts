// Tokens on screen: enough to tell two apart, not enough to use.
export function maskToken(token: string): string {
  return token.length <= 12 ? '****' : `${token.slice(0, 6)}…${token.slice(-4)}`;
}
