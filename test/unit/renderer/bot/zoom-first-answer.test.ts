import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isWcInfoUrl,
  readWcInfoAnswer,
  tapZoomFirstAnswers,
  type WcInfoAnswer,
} from '../../../../src/renderer/bot/meeting/zoom-first-answer';

/** Just enough of XMLHttpRequest for the tap: open, send, loadend, and what a reader reads. */
class FakeXhr {
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  response: unknown = null;
  responseText = '';
  sent: unknown[] = [];
  private loadend: (() => void)[] = [];
  open(_method: string, _url: string | URL): void {}
  send(body?: unknown): void {
    this.sent.push(body);
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'loadend') this.loadend.push(listener);
  }
  /** What the network does: an answer arrives and the request ends. */
  answer(status: number, body: string, responseType: XMLHttpRequestResponseType = ''): void {
    this.status = status;
    this.responseType = responseType;
    this.responseText = responseType === '' ? body : '';
    this.response = responseType === 'json' ? JSON.parse(body) : body;
    for (const listener of this.loadend) listener();
  }
}

const { open, send } = FakeXhr.prototype;
afterEach(() => Object.assign(FakeXhr.prototype, { open, send }));

function tapped() {
  const proto = FakeXhr.prototype as unknown as XMLHttpRequest;
  const answers = tapZoomFirstAnswers(proto, 'http://127.0.0.1:4000/bot/index.html');
  const heard: WcInfoAnswer[] = [];
  answers.onAnswer((answer) => heard.push(answer));
  const request = (url: string) => {
    const xhr = new FakeXhr();
    xhr.open('POST', url);
    xhr.send('meetingNumber=1');
    return xhr;
  };
  return { answers, heard, request };
}

describe('the tap on Zoom’s first answer', () => {
  it('hears Zoom’s verdict and code in the answer to wc/info, and changes nothing', () => {
    const { heard, request, answers } = tapped();
    const xhr = request('https://zoom.us/api/v1/wc/info');
    expect(xhr.sent).toEqual(['meetingNumber=1']);
    xhr.answer(
      200,
      JSON.stringify({
        status: false,
        errorCode: 3113,
        errorMessage: 'captcha',
        result: { zak: 'x' },
      }),
      'json',
    );
    expect(heard).toEqual([{ httpStatus: 200, accepted: false, errorCode: 3113 }]);
    expect(answers.latest()).toEqual(heard[0]);
  });

  it('hears a failed request as status 0, and a 5xx with its status', () => {
    const { heard, request } = tapped();
    request('https://www.zoomgov.com/api/v1/wc/info').answer(0, '');
    request('https://zoom.us/api/v1/wc/info').answer(503, '<html>Service Unavailable</html>');
    expect(heard).toEqual([
      { httpStatus: 0, accepted: null, errorCode: null },
      { httpStatus: 503, accepted: null, errorCode: null },
    ]);
  });

  it('ignores every other request', () => {
    const { heard, request } = tapped();
    request('https://zoom.us/wc/ping/1').answer(200, '{}');
    request('https://zoom.us.example.com/api/v1/wc/info').answer(200, '{}');
    request('/zoom-sdk/lib/lang/en-US.json').answer(200, '{}');
    expect(heard).toEqual([]);
  });

  it.each([
    ['https://zoom.us/api/v1/wc/info', true],
    ['https://us06web.zoom.us/api/v1/wc/info?x=1', true],
    ['http://zoom.us/api/v1/wc/info', false],
    ['https://zoom.us/api/v1/wc/info/extra', false],
    ['https://evil.example/api/v1/wc/info', false],
    ['not a url at all', false],
  ])('%s is Zoom’s join request: %s', (url, expected) => {
    expect(isWcInfoUrl(url, 'http://127.0.0.1/')).toBe(expected);
  });

  it('reads any body without throwing and keeps nothing but the verdict and code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 599 }), fc.string(), (status, body) => {
        const xhr = new FakeXhr();
        xhr.status = status;
        xhr.responseText = body;
        const answer = readWcInfoAnswer(xhr as unknown as XMLHttpRequest);
        expect(Object.keys(answer).sort()).toEqual(['accepted', 'errorCode', 'httpStatus']);
        expect(answer.httpStatus).toBe(status);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const xhr = new FakeXhr();
        xhr.answer(200, JSON.stringify(value), 'json');
        const answer = readWcInfoAnswer(xhr as unknown as XMLHttpRequest);
        expect(answer.errorCode === null || Number.isInteger(answer.errorCode)).toBe(true);
      }),
    );
  });
});
