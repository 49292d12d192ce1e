// The companion's chat with a member, over the order's WebSocket (the staff page's session signs it in).
// Messages already on the page came from the server; new ones are appended as they arrive, once each.
(function () {
  'use strict';
  var list = document.getElementById('messages');
  var state = document.getElementById('chat-state');
  var form = document.getElementById('say');
  var text = document.getElementById('say-text');
  var seen = {};
  Array.prototype.forEach.call(list.querySelectorAll('li[data-id]'), function (li) { seen[li.dataset.id] = true; });

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function show(message) {
    if (!message || seen[message.id]) { return; }
    seen[message.id] = true;
    var at = new Date(message.createdAt);
    var li = document.createElement('li');
    li.className = message.from === 'staff' ? 'mine' : 'theirs';
    li.dataset.id = message.id;
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = (message.from === 'staff' ? '我' : message.from === 'member' ? '用户' : '客服') + ' · '
        + (at.getMonth() + 1) + '月' + at.getDate() + '日 ' + pad(at.getHours()) + ':' + pad(at.getMinutes());
    var body = document.createElement('span');
    body.className = 'text';
    body.textContent = message.content; // text, never markup
    li.appendChild(meta);
    li.appendChild(body);
    list.appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }

  var socket = null;
  function connect() {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + list.dataset.socket);
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === 'ready') {
        state.textContent = '已连接，消息实时送达';
        state.className = 'empty live';
      } else if (frame.type === 'message' || frame.type === 'sent') {
        show(frame.message);
      } else if (frame.type === 'error') {
        state.textContent = frame.text;
        state.className = 'empty bad';
      }
    };
    socket.onclose = function (event) {
      state.className = 'empty bad';
      state.textContent = event.reason === 'NOT_FOUND' || event.reason === 'UNAUTHENTICATED'
          ? '无法连接聊天，请返回任务列表重新进入' : '连接已断开，正在重连…';
      if (event.reason !== 'NOT_FOUND' && event.reason !== 'UNAUTHENTICATED') { setTimeout(connect, 3000); }
    };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var content = text.value.trim();
    if (!content || !socket || socket.readyState !== WebSocket.OPEN) { return; }
    socket.send(JSON.stringify({ content: content }));
    text.value = '';
  });
  connect();
})();
