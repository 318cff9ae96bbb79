// Draws every <canvas data-chart="ID"> with Chart.js from <script type="application/json" id="ID">, which holds a
// Chart.js configuration made of data only ({ type, data, options }) and optional "meta" hints read here:
//   meta.rows         rows of a horizontal chart: the box around the canvas grows to fit them all;
//   meta.rowHeight    pixels per row (default 26);
//   meta.valueSuffix  text after a value in tooltips, e.g. " min"; a floating bar shows "start–end suffix";
//   meta.valuePrefix  text before a value in tooltips, e.g. "¥";
//   meta.decimals     digits after the point in tooltips (money: 2); default up to 1;
//   meta.clock        x values are minutes since a midnight: the axis and tooltips show them as HH:mm.
// The pages carry no inline script (the Content-Security-Policy forbids it); without Chart.js the tables remain.
(function () {
  'use strict';
  if (typeof window.Chart !== 'function') {
    return;
  }

  var language = document.documentElement.lang || undefined;

  function formatter(meta) {
    return meta.decimals === undefined
      ? new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
      : new Intl.NumberFormat(language, { minimumFractionDigits: meta.decimals, maximumFractionDigits: meta.decimals });
  }

  function valueText(value, numbers, prefix, suffix) {
    if (Array.isArray(value)) {
      return prefix + numbers.format(value[0]) + '–' + numbers.format(value[1]) + suffix;
    }

    return typeof value === 'number' ? prefix + numbers.format(value) + suffix : String(value);
  }

  // Minutes since a midnight as the clock shows them (the next day's hours wrap round), rounded down to the minute.
  function clockText(minutes) {
    var inDay = ((Math.floor(minutes + 1e-6) % 1440) + 1440) % 1440;
    var hours = Math.floor(inDay / 60);
    var rest = inDay % 60;
    return (hours < 10 ? '0' : '') + hours + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function useClock(options) {
    var x = options.scales && options.scales.x;
    if (x) {
      x.ticks = x.ticks || {};
      x.ticks.callback = function (value) { return clockText(value); };
    }

    options.plugins = options.plugins || {};
    options.plugins.tooltip = options.plugins.tooltip || {};
    options.plugins.tooltip.callbacks = {
      label: function (context) {
        var label = context.dataset.label ? context.dataset.label + ': ' : '';
        var value = context.raw;
        return label + (Array.isArray(value) ? clockText(value[0]) + '–' + clockText(value[1]) : clockText(value));
      }
    };
  }

  function fitRows(canvas, meta) {
    if (!meta.rows || !canvas.parentElement) {
      return;
    }

    var rowHeight = meta.rowHeight || 26;
    // Room for the axis and its title below the rows.
    canvas.parentElement.style.height = Math.max(160, meta.rows * rowHeight + 80) + 'px';
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source || source.type !== 'application/json') {
      return;
    }

    var spec = JSON.parse(source.textContent);
    var meta = spec.meta || {};
    var options = spec.options || {};
    options.responsive = true;
    options.maintainAspectRatio = false;
    if (options.animation === undefined) {
      options.animation = false;
    }

    if (meta.valueSuffix !== undefined || meta.valuePrefix !== undefined || meta.decimals !== undefined) {
      var numbers = formatter(meta);
      options.plugins = options.plugins || {};
      options.plugins.tooltip = options.plugins.tooltip || {};
      options.plugins.tooltip.callbacks = {
        label: function (context) {
          var label = context.dataset.label ? context.dataset.label + ': ' : '';
          return label + valueText(context.raw, numbers, meta.valuePrefix || '', meta.valueSuffix || '');
        }
      };
    }

    if (meta.clock) {
      useClock(options);
    }

    fitRows(canvas, meta);
    new window.Chart(canvas, { type: spec.type, data: spec.data, options: options });
  }

  Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
}());
