/** 中文：Open311 GeoReport v2 应答中的服务名称、服务定义的属性说明和诉求状态说明。键名与 messages.en.ts 一致（类型检查保证）。 */
import type { ChineseMessages } from '../../platform/i18n/i18n.js';
import type { en } from './messages.en.js';

export const zh = {
  'open311.kind.inquiry': '咨询',
  'open311.kind.demand': '诉求',
  'open311.kind.complaint': '投诉',
  'open311.kind.report': '举报',
  'open311.service.name': '{kind}：{topic}',
  'open311.service.group': '企业服务热线',

  'open311.attr.subject': '主题：一句话概括，例如“研发中心补贴未发放”。不填时取描述的第一行。',
  'open311.attr.subject.type': '单行文字，不超过200个字符',
  'open311.attr.district': '事项所涉及的区，由该区受理机构接收。涉及全市的可不填。',
  'open311.attr.enterprise_name': '提出诉求的企业名称。',
  'open311.attr.enterprise_name.type': '文字，不超过300个字符',
  'open311.attr.uscc': '企业的统一社会信用代码：营业执照上的18位代码，按校验码核对。',
  'open311.attr.uscc.type': '18位字母和数字，例如91110000600007336X',
  'open311.attr.foreign_invested': '是否为外商投资企业？',
  'open311.attr.investor_origin': '投资者来自的国家或地区，例如德国、中国香港。',
  'open311.attr.investor_origin.type': '文字，不超过100个字符',
  'open311.attr.fie_complaint': '按外商投资企业投诉工作机制提出本投诉（时限另行规定，按工作日计算）。',
  'open311.attr.anonymous': '匿名：不保存联系方式，也不回访；追踪令牌是查看该诉求的唯一途径。匿名时请勿同时提供电子邮箱或电话。',
  'open311.attr.lang': '电子邮件和追踪页面使用的语言。',
  'open311.attr.consent': '企业同意其诉求及所提供的信息交由受理机构和承办单位处理，仅用于办理、答复诉求和核查时限。',
  'open311.value.yes': '是',
  'open311.value.no': '否',
  'open311.value.agree': '企业同意',
  'open311.value.en': '英文',
  'open311.value.zh': '中文',

  'open311.step.submit': '已收到',
  'open311.step.accept': '已受理',
  'open311.step.reject': '不予受理',
  'open311.step.request_materials': '等待企业补正材料',
  'open311.step.supply_materials': '已收到企业补正的材料',
  'open311.step.answer': '已答复',
  'open311.step.mark_duplicate': '因与其他诉求重复而办结',
  'open311.step.dispatch': '已转交承办单位',
  'open311.step.sign_for': '承办单位已签收',
  'open311.step.approve_extension': '办理时限已延长',
  'open311.step.approve_reply': '已答复',
  'open311.step.close': '已办结',
  'open311.step.reopen': '已重新办理',

  'open311.trailer.heading': '由 {client} 通过 Open311 提交：',
  'open311.trailer.address': '地址：{address}',
  'open311.trailer.addressId': '地址编号：{id}',
  'open311.trailer.coordinates': '坐标（WGS84）：{lat}，{long}',
  'open311.trailer.media': '媒体链接（平台不打开）：{url}',

  'open311.notice.due': '{rule}答复期限：{due}。',
} satisfies ChineseMessages<typeof en>;
