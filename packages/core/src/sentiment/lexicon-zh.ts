import { aspectTerm, buildLanguagePack, modifier, NEUTRAL, negator, polarTable, sameEntry, type LanguagePack, type LexiconEntry } from './lexicon-types.ts';

/**
 * Chinese: a compact shopping-review lexicon written for this package (no suitable, compatibly
 * licensed Chinese sentiment lexicon is published on npm). Keys are matched longest-first over
 * characters; values use the same -5..5 scale as the English lexicon.
 */

const NEGATORS: Array<[string, LexiconEntry]> = [
  ...sameEntry(['不', '没', '没有', '无', '非', '别', '未', '毫无', '并不', '并没有', '从不', '从来不', '从来没有', '绝不', '不是', '不够', '不用', '甭', '木有', '没啥', '并非'], negator()),
  ...sameEntry(['不太', '不怎么', '不算', '不是很', '不大'], negator(0.7)),
  ...sameEntry(['一点也不', '一点都不', '根本不', '完全不', '根本没有', '完全没有', '一点没有'], negator(1.4)),
  ...sameEntry(['本以为', '还以为', '以为', '原以为', '本来以为', '本来'], negator(0.8)),
];

const MODIFIERS: Array<[string, LexiconEntry]> = [
  ...sameEntry(['非常', '特别', '超', '超级', '十分', '相当', '巨', '贼', '太', '极', '极其', '尤其', '实在', '无比', '最', '好好'], modifier(1.5)),
  ...sameEntry(['很', '真', '真的', '挺', '蛮', '如此', '这么', '那么', '确实', '的确', '还挺', '还蛮'], modifier(1.2)),
  ...sameEntry(['有点', '有些', '有一点', '一点', '稍微', '稍', '略', '略微', '有点儿', '些许', '还算', '比较'], modifier(0.6)),
  ...sameEntry(['可能', '也许', '或许', '应该'], modifier(0.5)),
  ...sameEntry(['更', '更加', '还要'], { kind: 'modifier', factor: 1.2, comparative: true }),
];

const CONTRAST: Array<[string, LexiconEntry]> = [
  ...sameEntry(['但是', '但', '不过', '可是', '然而', '就是', '只是', '可惜', '美中不足', '遗憾的是', '唯一的缺点', '缺点是', '只不过'], { kind: 'contrast', weighs: 'after' }),
  ...sameEntry(['虽然', '尽管', '虽说', '虽'], { kind: 'contrast', weighs: 'before' }),
];

const COMPARISON: Array<[string, LexiconEntry]> = [
  ...sameEntry(['以前', '之前', '上次', '原来', '旧的', '别家', '别的', '其他家', '其它', '上一个', '老款', '实体店'], { kind: 'reference' }),
  ...sameEntry(['比', '相比', '比起'], { kind: 'than' }),
  ['不如', { kind: 'polar', value: -2, comparative: true }],
  ['比不上', { kind: 'polar', value: -2.5 }],
  ['好多了', { kind: 'polar', value: 2.5, comparative: true }],
  ['强多了', { kind: 'polar', value: 2.5, comparative: true }],
  ['更好', { kind: 'polar', value: 2, comparative: true }],
  ['更差', { kind: 'polar', value: -2.5, comparative: true }],
  // Price words flip with the aspect: 价格高 is bad, 性价比高 is good, 质量高 is good.
  ['高', { kind: 'polar', value: 0, byAspect: { price: -1.5, quality: 2 } }],
  ['低', { kind: 'polar', value: -0.5, byAspect: { price: 1.5, quality: -2 } }],
];

const ASPECT_TERMS: Array<[string, LexiconEntry]> = [
  ...sameEntry(['质量', '品质', '做工', '材质', '面料', '料子', '手感', '用料', '工艺', '质感', '音质', '画质', '续航', '效果'], aspectTerm('quality')),
  ...sameEntry(['价格', '价钱', '价位', '售价', '价', '钱', '优惠', '活动价'], aspectTerm('price')),
  ...sameEntry(['物流', '快递', '发货', '送货', '配送', '到货', '送达', '快递员', '快递小哥', '顺丰', '运输'], aspectTerm('shipping')),
  ...sameEntry(['尺码', '尺寸', '码数', '大小', '码', '版型', '长度', '鞋码', '号', '腰围', '袖子'], aspectTerm('size')),
  ...sameEntry(['客服', '卖家', '商家', '店家', '服务', '售后', '老板', '掌柜', '店铺', '回复'], aspectTerm('customer-service')),
  ...sameEntry(['包装', '盒子', '箱子', '外包装', '纸箱', '包裹', '快递盒'], aspectTerm('packaging')),
  ...sameEntry(['寿命', '用久', '用了一段时间', '没几天', '几天就', '一周就', '一个月就', '两天就', '三天就', '用了一周', '用了一个月', '用了几天', '穿了几次', '洗了一次', '洗了几次'], aspectTerm('durability')),
  ...sameEntry(['操作', '安装', '组装', '使用', '上手', '说明书', '设置', '用起来', '连接', '清洗'], aspectTerm('ease-of-use')),
];

/** Words that must win the longest match so a single character inside them is not read as sentiment. */
const BLOCKERS = sameEntry(
  ['好像', '好几', '好多', '大家', '大概', '大约', '小时', '小孩', '小朋友', '差不多', '不久', '不同', '不管', '不少', '不仅', '不但', '不然', '不知道',
    '没想到', '好的', '真是', '高跟', '低调', '快点', '快要', '一般来说', '坏处', '不一定', '无线', '无糖', '不锈钢', '没用过', '还没用', '还没穿', '还没', '容易', '别人', '超市', '太太', '真相', '不得不'],
  NEUTRAL,
);

const DOMAIN = polarTable([
  // general verdicts
  ['好', 2], ['不错', 2.5], ['挺好', 2.5], ['很好', 2.5], ['棒', 3], ['赞', 3], ['点赞', 3], ['满意', 2.5], ['喜欢', 2.5], ['爱了', 3], ['爱', 2.5],
  ['推荐', 2], ['值得', 2], ['值', 1.5, 'price'], ['完美', 3], ['优秀', 3], ['惊喜', 2.5], ['惊艳', 3], ['超出预期', 3], ['超值', 3, 'price'],
  ['好评', 3], ['差评', -3.5], ['中评', -0.5], ['五星', 3], ['5星', 3], ['一星', -3], ['1星', -3], ['回购', 2.5], ['无限回购', 3.5], ['必买', 3],
  ['放心', 2], ['靠谱', 2], ['实用', 2], ['开心', 2.5], ['高兴', 2.5], ['舒服', 2.5], ['舒适', 2.5], ['漂亮', 2.5], ['好看', 2.5], ['美', 2],
  ['精致', 2.5], ['大气', 2], ['高端', 2], ['上档次', 2.5], ['有质感', 2.5, 'quality'], ['正品', 2, 'quality'], ['好用', 2.5, 'ease-of-use'],
  ['好穿', 2.5], ['好吃', 2.5], ['好玩', 2.5], ['好闻', 2], ['香', 1.5], ['划算', 2.5, 'price'], ['实惠', 2.5, 'price'], ['便宜', 2, 'price'],
  ['物超所值', 3.5, 'price'], ['物有所值', 2.5, 'price'], ['性价比高', 3, 'price'], ['性价比很高', 3.5, 'price'], ['性价比超高', 4, 'price'],
  ['性价比非常高', 4, 'price'], ['性价比挺高', 3, 'price'], ['高性价比', 3, 'price'], ['性价比低', -2.5, 'price'], ['性价比不高', -2, 'price'],
  ['性价比', 0.5, 'price'], ['贵', -2, 'price'], ['偏贵', -1.5, 'price'], ['贵了', -1.5, 'price'], ['不值', -2.5, 'price'], ['不值得', -2.5],
  ['智商税', -3, 'price'], ['坑钱', -3, 'price'], ['降价', -1.5, 'price'], ['一般', -0.6], ['一般般', -1.2], ['还行', 0.4], ['还可以', 0.45],
  ['可以', 0.5], ['凑合', -0.8], ['将就', -1], ['马马虎虎', -1], ['中规中矩', 0], ['正常', 0.3], ['没毛病', 2], ['没问题', 1.5], ['没得说', 2.5],
  ['没话说', 2.5], ['无可挑剔', 3], ['挑不出毛病', 3],
  ['差', -2.5], ['差劲', -3], ['很差', -3], ['太差', -3.5], ['垃圾', -3.5], ['糟糕', -3], ['失望', -3], ['后悔', -3], ['坑', -2.5], ['坑人', -3],
  ['坑爹', -3], ['骗人', -3], ['骗子', -3.5], ['假货', -3.5, 'quality'], ['山寨', -3, 'quality'], ['劣质', -3, 'quality'], ['粗糙', -2.5, 'quality'],
  ['廉价', -2, 'quality'], ['难看', -2.5], ['丑', -2.5], ['难用', -2.5, 'ease-of-use'], ['难吃', -3], ['难闻', -2.5], ['郁闷', -2], ['生气', -2.5],
  ['气死', -3], ['无语', -2.5], ['心累', -2], ['闹心', -2], ['恶心', -3], ['烦', -1.5], ['担心', -1], ['问题', -1.5], ['毛病', -2], ['故障', -3],
  ['瑕疵', -2, 'quality'], ['划痕', -2, 'quality'], ['缺陷', -2.5, 'quality'], ['色差', -2, 'quality'], ['有色差', -2, 'quality'],
  ['掉色', -2.5, 'quality'], ['褪色', -2.5, 'quality'], ['起球', -2.5, 'quality'], ['开线', -2.5, 'quality'], ['脱线', -2.5, 'quality'],
  ['线头', -1.5, 'quality'], ['异味', -2.5, 'quality'], ['味道大', -2.5, 'quality'], ['味道很大', -2.5, 'quality'], ['刺鼻', -2.5, 'quality'],
  ['臭', -2.5], ['漏水', -3, 'quality'], ['漏', -2.5, 'quality'], ['卡顿', -2.5], ['卡', -1.5], ['死机', -3], ['闪退', -3], ['发烫', -2.5],
  ['发热', -1.5], ['噪音', -2], ['噪音大', -2.5], ['吵', -2], ['安静', 1.5], ['清晰', 2], ['模糊', -2], ['灵敏', 2], ['流畅', 2.5], ['不灵', -2.5],
  ['结实', 2.5, 'quality'], ['牢固', 2, 'quality'], ['厚实', 2, 'quality'], ['扎实', 2, 'quality'], ['做工精细', 3, 'quality'], ['做工粗糙', -3, 'quality'],
  ['薄', -0.8], ['透', -0.5], ['软', 1], ['柔软', 2], ['硬', -0.8], ['扎人', -2.5], ['刺痒', -2], ['起皱', -1.5], ['变形', -2.5, 'durability'],
  ['透气', 2], ['闷', -1.5], ['保暖', 2], ['暖和', 2], ['滋润', 2], ['油腻', -2], ['过敏', -3], ['轻便', 2], ['笨重', -1.5], ['稳', 1.5], ['晃', -2],
  ['摇晃', -2], ['稳固', 2], ['褪', -1.5], ['好听', 2.5], ['难听', -2.5], ['鲜艳', 1.5], ['正', 0.5], ['歪', -1.5],
  // durability
  ['耐用', 2.5, 'durability'], ['经用', 2.5, 'durability'], ['耐穿', 2.5, 'durability'], ['持久', 2, 'durability'], ['坏了', -3, 'durability'],
  ['坏', -3, 'durability'], ['就坏', -3.5, 'durability'], ['用坏', -3, 'durability'], ['烂了', -3, 'durability'], ['断了', -3, 'durability'],
  ['裂了', -3, 'durability'], ['开裂', -2.5, 'durability'], ['开胶', -3, 'durability'], ['掉漆', -2.5, 'durability'], ['生锈', -2.5, 'durability'],
  ['磨损', -2, 'durability'], ['不耐用', -3, 'durability'], ['破了', -2.5, 'durability'], ['破', -2], ['不能用了', -3.5, 'durability'],
  ['用不了', -3, 'durability'], ['不亮了', -3, 'durability'], ['充不进电', -3, 'durability'],
  // shipping
  ['快', 1.5], ['很快', 2], ['迅速', 2], ['及时', 2], ['准时', 2, 'shipping'], ['神速', 3, 'shipping'], ['龟速', -3, 'shipping'], ['慢', -1.5],
  ['太慢', -2.5], ['延迟', -2, 'shipping'], ['晚了', -1.5, 'shipping'], ['物流很快', 2.5, 'shipping'], ['发货快', 2.5, 'shipping'], ['发货慢', -2.5, 'shipping'],
  ['隔天就到', 2.5, 'shipping'], ['第二天就到', 2.5, 'shipping'], ['次日达', 2, 'shipping'], ['送货上门', 1.5, 'shipping'], ['丢件', -3, 'shipping'],
  ['发错', -3, 'shipping'], ['发错货', -3, 'shipping'], ['少发', -3, 'shipping'], ['漏发', -3, 'shipping'], ['催了', -1.5, 'shipping'],
  // size
  ['合身', 2.5, 'size'], ['合适', 2, 'size'], ['正好', 1.5, 'size'], ['刚好', 1.5, 'size'], ['刚刚好', 2, 'size'], ['大小合适', 2.5, 'size'],
  ['尺码标准', 2, 'size'], ['尺码准', 2, 'size'], ['偏大', -1.5, 'size'], ['偏小', -1.5, 'size'], ['太大', -2, 'size'], ['太小', -2, 'size'],
  ['太紧', -2, 'size'], ['太松', -2, 'size'], ['紧', -1, 'size'], ['勒', -1.5, 'size'], ['合脚', 2.5, 'size'], ['夹脚', -2.5, 'size'], ['磨脚', -2.5, 'size'],
  ['挤脚', -2, 'size'], ['显瘦', 2], ['显胖', -2], ['短了', -1.5, 'size'], ['长了', -1.5, 'size'], ['大了', -1.5, 'size'], ['小了', -1.5, 'size'],
  ['缩水', -2.5, 'size'],
  // customer service
  ['耐心', 2, 'customer-service'], ['热情', 2, 'customer-service'], ['态度好', 2.5, 'customer-service'], ['态度很好', 3, 'customer-service'],
  ['态度差', -3, 'customer-service'], ['态度恶劣', -3.5, 'customer-service'], ['不理人', -3, 'customer-service'], ['不回复', -2.5, 'customer-service'],
  ['不回消息', -2.5, 'customer-service'], ['敷衍', -2.5, 'customer-service'], ['贴心', 2.5, 'customer-service'], ['周到', 2, 'customer-service'],
  ['负责', 2, 'customer-service'], ['推卸责任', -3, 'customer-service'], ['投诉', -2.5, 'customer-service'], ['爱答不理', -3, 'customer-service'],
  ['秒回', 2, 'customer-service'], ['处理得很快', 2.5, 'customer-service'],
  // packaging
  ['完好', 2, 'packaging'], ['完好无损', 2.5, 'packaging'], ['严实', 2, 'packaging'], ['包装严实', 2.5, 'packaging'], ['包装精美', 2.5, 'packaging'],
  ['包装很好', 2.5, 'packaging'], ['简陋', -2, 'packaging'], ['破损', -3, 'packaging'], ['压坏', -3, 'packaging'], ['压扁', -2.5, 'packaging'],
  ['压变形', -2.5, 'packaging'], ['包装破', -2.5, 'packaging'],
  // ease of use
  ['方便', 2, 'ease-of-use'], ['简单', 1, 'ease-of-use'], ['操作简单', 2.5, 'ease-of-use'], ['容易上手', 2.5, 'ease-of-use'],
  ['麻烦', -2, 'ease-of-use'], ['复杂', -1.5, 'ease-of-use'], ['繁琐', -2, 'ease-of-use'], ['看不懂', -2, 'ease-of-use'], ['好安装', 2.5, 'ease-of-use'],
  ['一键', 1, 'ease-of-use'], ['省事', 2, 'ease-of-use'], ['省心', 2, 'ease-of-use'], ['费劲', -2, 'ease-of-use'],
  // returns and matching the listing
  ['退货', -2.5], ['退了', -2.5], ['退款', -2], ['申请退款', -2.5], ['换货', -1.5], ['退换', -1.5], ['已退', -2.5], ['退回', -2.5],
  ['缺', -2], ['浪费钱', -3, 'price'], ['浪费', -2.5], ['没效果', -2.5, 'quality'], ['有效果', 2, 'quality'], ['有用', 2], ['没用', -2.5],
  ['强', 1.5], ['锋利', 2], ['顺手', 2, 'ease-of-use'], ['腻', -1], ['泛白', -1.5], ['掉', -1.5], ['掉了', -2], ['就掉', -2.5, 'durability'],
  ['适合', 1.5], ['刮花', -2, 'quality'], ['没人回复', -2.5, 'customer-service'], ['没人理', -3, 'customer-service'], ['想喜欢', -1.5],
  ['期待', 1.5], ['期望', 1], ['疼', -2], ['痛', -2], ['难受', -2.5], ['熏', -2], ['滑', -1], ['危险', -2.5], ['裂开', -2.5, 'durability'],
  ['难过', -2.5], ['伤心', -2.5], ['没什么特别', -0.7], ['心情复杂', -0.3], ['不是我的风格', -1.5], ['很厉害', 2.5],
  ['符合描述', 1.5], ['与描述一致', 1.5], ['和描述一样', 1.5], ['与描述不符', -3], ['和描述不符', -3], ['描述不符', -3], ['货不对板', -3.5],
  ['和图片一样', 1.5], ['跟图片一样', 1.5], ['与图片一致', 1.5], ['不一样', -1.5], ['图片仅供参考', -1], ['买家秀', -1], ['卖家秀', -0.5],
  ['别买', -3.5], ['千万别买', -4], ['不要买', -3.5], ['不建议购买', -3], ['缺件', -3], ['少了', -2], ['少一个', -2.5], ['错', -1.5], ['不能用', -3],
]);

/**
 * The Chinese language pack: this package's shopping-review lexicon (aspect terms, domain phrases, comparisons,
 * intensifiers, negators reaching the next 3 segments), matched longest-first. Pass it to `createSentimentAnalyzer`.
 */
export const chinesePack: LanguagePack = buildLanguagePack('zh', [ASPECT_TERMS, DOMAIN, BLOCKERS, COMPARISON, MODIFIERS, NEGATORS, CONTRAST], 3);
