/** UI strings of the investment costs page; `t(lang, key)` accepts only these keys. */
import { defineMessages } from '../../platform/i18n/i18n.js';

export const t = defineMessages({
  en: {
    'costs.title': 'Investment costs',
    'costs.lead': 'Water, electricity, gas and heating prices, office rents, the minimum wage and social insurance rates, with units and sources.',
    'costs.period': 'Period: {period}',
    'costs.estimate': 'Estimate your costs for a location',
  },
  zh: {
    'costs.title': '投资成本',
    'costs.lead': '水、电、燃气、供热价格，写字楼租金，最低工资和社会保险费率，注明单位和出处。',
    'costs.period': '适用期间：{period}',
    'costs.estimate': '测算某个地点的成本',
  },
});
