import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTemplate, TemplateVariableError } from './template';

describe('renderTemplate', () => {
  it('fills named placeholders, with or without spaces, repeatedly', () => {
    expect(renderTemplate('Hi {{name}}, {{ name }} has {{count}} items', { name: 'Ada', count: 3 }, 'text')).toBe(
      'Hi Ada, Ada has 3 items',
    );
  });

  it('escapes every variable in html and none in text', () => {
    const data = { name: `<script>alert("x")</script> & 'co'` };
    expect(renderTemplate('<p>{{name}}</p>', data, 'html')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>');
    expect(renderTemplate('{{name}}', data, 'text')).toBe(data.name);
  });

  it('keeps template markup itself unescaped', () => {
    expect(renderTemplate('<a href="x">{{v}}</a>', { v: 'a<b' }, 'html')).toBe('<a href="x">a&lt;b</a>');
  });

  it('throws naming the missing variable (undefined, null or absent)', () => {
    expect(() => renderTemplate('{{a}} {{orderNumber}}', { a: 1 }, 'text', 'order-confirmed')).toThrow(
      /Template "order-confirmed": variable "orderNumber" is missing/,
    );
    expect(() => renderTemplate('{{x}}', { x: null } as never, 'html')).toThrow(TemplateVariableError);
    try {
      renderTemplate('{{x}}', {}, 'text');
    } catch (e) {
      expect(e).toMatchObject({ name: 'TemplateVariableError', variable: 'x' });
    }
  });

  it('does not read inherited properties as variables', () => {
    expect(() => renderTemplate('{{toString}}', {}, 'text')).toThrow(/"toString" is missing/);
  });

  it('refuses objects rather than printing [object Object]', () => {
    expect(() => renderTemplate('{{o}}', { o: { a: 1 } } as never, 'text')).toThrow(/must be a string or number/);
  });

  it('renders empty strings and zero', () => {
    expect(renderTemplate('[{{a}}|{{b}}]', { a: '', b: 0 }, 'text')).toBe('[|0]');
  });

  it('the url filter admits only http(s) URLs', () => {
    expect(renderTemplate('<a href="{{u|url}}">', { u: 'https://t.example/?a=1&b=2' }, 'html')).toBe(
      '<a href="https://t.example/?a=1&amp;b=2">',
    );
    expect(() => renderTemplate('{{u|url}}', { u: 'javascript:alert(1)' }, 'html')).toThrow(/must be an http\(s\) URL/);
    expect(() => renderTemplate('{{u|bogus}}', { u: 'x' }, 'html')).toThrow(/unknown filter "bogus"/);
  });

  it('subjects lose line breaks so a value cannot inject mail headers', () => {
    expect(renderTemplate('Order {{n}}', { n: 'A\r\nBcc: evil@example.com' }, 'subject')).toBe('Order A Bcc: evil@example.com');
  });

  it('rejects malformed placeholders instead of sending them', () => {
    expect(() => renderTemplate('Hi {{ first name }}', { 'first name': 'x' } as never, 'text')).toThrow(/malformed placeholder/);
  });

  it('escapeHtml covers the five significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
