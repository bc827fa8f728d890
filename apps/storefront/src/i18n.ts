/**
 * The demo page in English and Simplified Chinese. Static text in index.html carries
 * `data-i18n="key"` (text) or `data-i18n-attr="attribute:key …"`; main.ts formats the rest with
 * `t()`. The widgets follow `<html lang>` on their own, so one switch changes page and widgets.
 */
export type DemoLanguage = 'en' | 'zh';

const en = {
  pageTitle: 'Ridgeline Insulated Jacket · Larchmont Outdoor Co.',
  brandHome: 'Larchmont Outdoor Co. home',
  brandName: 'Larchmont',
  brandSuffix: 'Outdoor Co.',
  brandFull: 'Larchmont Outdoor Co.',
  shopNav: 'Shop',
  navJackets: 'Jackets',
  navFleece: 'Fleece',
  navPacks: 'Packs',
  navIdeas: 'Ideas lab',
  navDashboard: 'Merchant dashboard',
  cartLabel: 'Cart, {n} items',
  language: 'Language',
  darkMode: 'Dark mode',
  onDeviceAi: 'On-device AI',
  onDeviceAiRegion: 'On-device AI',
  useLocalModel: 'Use the local test model',
  loadGpt2: 'Load GPT-2',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  outerwear: 'Outerwear',
  productName: 'Ridgeline Insulated Jacket',
  productViews: 'Product views',
  tagline: 'Warmth that packs down to nothing.',
  save: 'Save 17%',
  color: 'Color:',
  size: 'Size',
  addToCart: 'Add to cart',
  perkShipping: 'Free carbon-neutral shipping over $100',
  perkReturns: '60-day returns, free exchanges',
  perkRepairs: 'Recycled fill · Lifetime repairs',
  description: 'Description',
  merchantView: 'Merchant view',
  merchantHint: 'Merchant tools · copy is written on this device from the product attributes. Choose one to publish it.',
  writeA: 'Write a',
  kindDescription: 'product description',
  kindHeadline: 'headline',
  kindSocial: 'social post',
  scheduledPost: 'Scheduled social post',
  customerReviews: 'Customer reviews',
  writeReview: 'Write a review',
  reviewHintStart: 'Suggestions appear in grey as you type:',
  reviewHintAccept: 'accepts,',
  reviewHintDismiss: 'dismisses.',
  reviewHintPrivacy: 'They are written on your device; nothing you type leaves this page.',
  yourName: 'Your name',
  namePlaceholder: 'e.g. Alex P.',
  postReview: 'Post review',
  ideasEyebrow: 'Ideas lab',
  ideasTitle: 'Help design the next Ridgeline',
  ideasIntro: 'Propose a product or a change. The most-voted ideas go to our design team every season.',
  topIdeas: 'Top ideas',
  footerStore: 'Larchmont Outdoor Co. is a fictional store: a demo of Cowrite, on-device GPT-2 co-writing for storefronts.',
  footerPrivacy: 'AI runs in your browser with onnxruntime-web. No text you type is sent anywhere.',
  productDescription:
    'A packable insulated jacket for cold, windy days. Recycled synthetic fill keeps its warmth when damp, a windproof ripstop shell sheds light rain, and a high collar with an adjustable hood seals out drafts. Two zipped hand pockets, an inner mesh pocket, and a hem drawcord. It packs into its own pocket for travel.',
  viewFront: 'Front',
  viewBack: 'Back with hood',
  viewDetail: 'Quilting and zipper close-up',
  viewPacked: 'Packed into its pocket',
  productInColor: '{name} in {color}: {view}',
  color_Sage: 'Sage',
  color_Ember: 'Ember',
  color_Glacier: 'Glacier',
  color_Midnight: 'Midnight',
  averageText: '{average} · {n} reviews',
  showAllReviews: 'Show all {n} reviews',
  starsLabel: '{n} out of 5 stars',
  anonymous: 'Anonymous',
  reviewThanks: 'Thanks, {name}! Your review is live.',
  ideaThanks: 'Thanks! “{title}” is on the board.',
  voteFor: 'Vote for {title}, {n} votes',
  statusOpen: 'Open',
  statusNew: 'New',
  categoryNewProduct: 'New product',
  categoryImprovement: 'Improve this jacket',
  categoryColor: 'Color or fabric',
  categorySustainability: 'Sustainability',
  modelHub: 'GPT-2 from the Hugging Face hub ({hub}, {dtype})',
  modelLocal: 'Local test model (tiny GPT-2, random weights)',
  modelCustom: 'Self-hosted GPT-2 ({model})',
  modelPhrase: 'Built-in review phrase model (offline, English)',
  noticePhrase:
    'Review suggestions and “Help me write” now come from the built-in review phrase model (English, real shoppers’ phrases); product descriptions, social posts and idea rewrites need GPT-2.',
  noticeOfferShort: 'You can also try the small test model this demo serves itself (random weights: word salad).',
  noticeHubFailed: 'GPT-2 could not be downloaded from the Hugging Face hub (offline, or blocked by a firewall).',
  noticeCustomFailed: 'The self-hosted model could not be loaded.',
  noticeOffer:
    'The small test model this demo serves itself shows how review suggestions, headlines and idea rewrites work (as word salad: its weights are random). Product descriptions, social posts and “Help me write” need GPT-2.',
  noticeSelfHost: 'To run GPT-2 offline, host a copy and open this page with ?model=/models/gpt2/ (see the README).',
  localModelNote: 'Test model: suggestions are word salad, and product descriptions and social posts need GPT-2.',
  copyNeedsGpt2:
    'Product descriptions and social posts need GPT-2: the offline test model cannot write whole sentences. Load GPT-2 in the bar at the top, or try a headline.',
};

export type DemoTextKey = keyof typeof en;

const zh: Record<DemoTextKey, string> = {
  pageTitle: '山脊保暖夹克 · 拉奇蒙特户外',
  brandHome: '拉奇蒙特户外首页',
  brandName: '拉奇蒙特',
  brandSuffix: '户外',
  brandFull: '拉奇蒙特户外',
  shopNav: '商店',
  navJackets: '夹克',
  navFleece: '抓绒',
  navPacks: '背包',
  navIdeas: '创意实验室',
  navDashboard: '商家看板',
  cartLabel: '购物车，{n} 件商品',
  language: '语言',
  darkMode: '深色模式',
  onDeviceAi: '端侧 AI',
  onDeviceAiRegion: '端侧 AI',
  useLocalModel: '使用本地测试模型',
  loadGpt2: '加载 GPT-2',
  breadcrumb: '当前位置',
  home: '首页',
  outerwear: '外套',
  productName: '山脊保暖夹克',
  productViews: '商品视图',
  tagline: '收纳小巧，温暖十足。',
  save: '省 17%',
  color: '颜色：',
  size: '尺码',
  addToCart: '加入购物车',
  perkShipping: '满 $100 免运费（碳中和配送）',
  perkReturns: '60 天退货，免费换货',
  perkRepairs: '再生填充物 · 终身维修',
  description: '商品描述',
  merchantView: '商家视图',
  merchantHint: '商家工具 · 文案在本设备上根据商品属性生成。选择一条即可发布。',
  writeA: '撰写',
  kindDescription: '商品描述',
  kindHeadline: '标题',
  kindSocial: '社交媒体文案',
  scheduledPost: '已排期的社交媒体文案',
  customerReviews: '顾客评价',
  writeReview: '写评价',
  reviewHintStart: '输入时会以灰色显示建议：',
  reviewHintAccept: '接受，',
  reviewHintDismiss: '忽略。',
  reviewHintPrivacy: '建议在您的设备上生成，您输入的内容不会离开本页面。',
  yourName: '您的昵称',
  namePlaceholder: '例如：小王',
  postReview: '发布评价',
  ideasEyebrow: '创意实验室',
  ideasTitle: '一起设计下一款山脊夹克',
  ideasIntro: '提出新产品或改进建议。每季得票最多的创意会交给我们的设计团队。',
  topIdeas: '热门创意',
  footerStore: '拉奇蒙特户外是一家虚构的商店：Cowrite 的演示，在浏览器中运行 GPT-2 为电商页面辅助写作。',
  footerPrivacy: 'AI 通过 onnxruntime-web 在您的浏览器中运行，您输入的文字不会被发送到任何地方。',
  productDescription:
    '一款便于收纳的保暖夹克，适合寒冷多风的日子。再生合成填充物受潮后依然保暖，防风格纹面料可挡小雨，高领和可调节帽子阻挡冷风。两个拉链手袋、一个内侧网袋和下摆抽绳。出行时可收进自身口袋。',
  viewFront: '正面',
  viewBack: '背面（含帽子）',
  viewDetail: '绗缝与拉链特写',
  viewPacked: '收纳进自身口袋',
  productInColor: '{name}，{color}：{view}',
  color_Sage: '鼠尾草绿',
  color_Ember: '余烬橙',
  color_Glacier: '冰川白',
  color_Midnight: '午夜蓝',
  averageText: '{average} · {n} 条评价',
  showAllReviews: '查看全部 {n} 条评价',
  starsLabel: '{n} 星（满分 5 星）',
  anonymous: '匿名',
  reviewThanks: '谢谢，{name}！您的评价已发布。',
  ideaThanks: '谢谢！“{title}”已上榜。',
  voteFor: '为“{title}”投票，当前 {n} 票',
  statusOpen: '征集中',
  statusNew: '新',
  categoryNewProduct: '新产品',
  categoryImprovement: '改进这款夹克',
  categoryColor: '颜色或面料',
  categorySustainability: '可持续发展',
  modelHub: '来自 Hugging Face Hub 的 GPT-2（{hub}，{dtype}）',
  modelLocal: '本地测试模型（微型 GPT-2，随机权重）',
  modelCustom: '自托管 GPT-2（{model}）',
  modelPhrase: '内置评价短语模型（离线，英文）',
  noticePhrase: '评价建议和“帮我写”现由内置的评价短语模型提供（英文，来自真实买家的用语）；商品描述、社交媒体文案和创意改写需要 GPT-2。',
  noticeOfferShort: '也可以试试本演示自带的小型测试模型（权重随机，内容没有意义）。',
  noticeHubFailed: '无法从 Hugging Face Hub 下载 GPT-2（设备离线，或被防火墙拦截）。',
  noticeCustomFailed: '无法加载自托管的模型。',
  noticeOffer: '本演示自带的小型测试模型可以展示评价建议、标题和创意改写的用法（权重随机，内容没有意义）。商品描述、社交媒体文案和“帮我写”需要 GPT-2。',
  noticeSelfHost: '如需离线运行 GPT-2，请自行托管一份模型，并用 ?model=/models/gpt2/ 打开本页面（见 README）。',
  localModelNote: '测试模型：建议内容没有意义，商品描述和社交媒体文案需要 GPT-2。',
  copyNeedsGpt2: '商品描述和社交媒体文案需要 GPT-2：离线测试模型写不出完整的句子。请在页面顶部加载 GPT-2，或试试生成标题。',
};

const dictionaries: Record<DemoLanguage, Record<DemoTextKey, string>> = { en, zh };
const storageKey = 'cowrite-demo:lang';

let current: DemoLanguage = 'en';

export function currentLanguage(): DemoLanguage {
  return current;
}

/** `{name}` placeholders filled in; values are plain text (set with textContent). */
export function t(key: DemoTextKey, values: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `?lang=` first, then the shopper's earlier choice, then the browser's languages; English otherwise. */
export function chooseLanguage(search: string, browserLanguages: readonly string[], saved: string | null): DemoLanguage {
  const asked = new URLSearchParams(search).get('lang') ?? saved;
  if (asked === 'en' || asked === 'zh') return asked;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function savedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Sets `<html lang>` (the widgets follow it), remembers the choice and translates the static page. */
export function applyLanguage(language: DemoLanguage, remember: boolean): void {
  current = language;
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  if (remember) {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Storage blocked: the choice lasts for this visit.
    }
  }
  document.title = t('pageTitle');
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as DemoTextKey);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (element.dataset.i18nAttr ?? '').split(/\s+/).filter(Boolean)) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key as DemoTextKey));
    }
  }
}
