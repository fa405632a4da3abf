/**
 * A one-entry en-US page (`new-markets`) with the given lines after its H2, as bytes:
 * for tests of what an entry's text gives, without a fixture file.
 */
export function englishPage(lines: string[]): Uint8Array {
  const page = [
    '---',
    'ms.contentlocale: en-US',
    '---',
    '## <a name="new-markets"></a>New markets',
    '',
    ...lines
  ]
  return new TextEncoder().encode(page.join('\n'))
}
