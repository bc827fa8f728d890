import type { Lang } from '../contracts/language.ts';
import type { PromptTemplate } from './template.ts';

/** The co-creation jobs the prompting module knows. */
export type TaskName = 'productDescription' | 'marketingCopy' | 'reviewContinuation' | 'userStory' | 'ideaRefinement' | 'sharePost';

/**
 * Built-in templates. Few-shot examples were written for Cowrite; merchants replace them
 * (and any other field) through a task's `template` option. Every template avoids the claims
 * the guard flags, so the examples do not teach the model to make them.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<TaskName, Readonly<Record<Lang, PromptTemplate>>>> = {
  productDescription: {
    en: {
      preamble: '{{brand}} | Online store\nProduct descriptions in a {{voice}} voice.\n',
      example:
        'Product: {{name}}\nCategory: {{category}}\nFeatures: {{features}}\nMaterials: {{materials}}\nMade for: {{audience}}\nTone: {{tone}}\nDescription: {{description}}\n',
      query:
        'Product: {{name}}\nCategory: {{category}}\nFeatures: {{features}}\nMaterials: {{materials}}\nMade for: {{audience}}\nTone: {{tone}}\nDescription:',
      separator: '\n',
      stop: ['\n\n', '\nProduct:', '\nDescription:'],
      examples: [
        {
          name: 'Alder Linen Throw',
          category: 'Home textiles',
          features: 'stonewashed, fringed edges, 130 × 170 cm',
          materials: 'European linen',
          audience: 'anyone who naps on the sofa',
          tone: 'warm',
          description:
            'A soft, stonewashed linen throw that gets softer with every wash. The fringed edges give it a relaxed finish, and at 130 × 170 cm it covers two people on the sofa.',
        },
        {
          name: 'Trailhead 20 L Daypack',
          category: 'Bags',
          features: 'padded laptop sleeve, two side bottle pockets, rain cover',
          materials: 'recycled nylon',
          audience: 'day hikers and commuters',
          tone: 'practical',
          description:
            'A light 20-litre pack for the trail or the train. The padded sleeve holds a 15-inch laptop, two side pockets keep bottles upright, and the rain cover tucks into the base.',
        },
        {
          name: 'Morning Ritual Pour-Over Set',
          category: 'Kitchen',
          features: '600 ml carafe, reusable steel filter, wooden collar',
          materials: 'borosilicate glass, stainless steel, oak',
          audience: 'slow-coffee lovers',
          tone: 'playful',
          description:
            'Slow down your morning. The glass carafe holds 600 ml, the steel filter skips paper, and the oak collar keeps your fingers cool while you pour.',
        },
      ],
    },
    zh: {
      preamble: '{{brand}}｜官方网店\n商品介绍，语气{{voice}}。\n',
      example: '商品：{{name}}\n类别：{{category}}\n特点：{{features}}\n材质：{{materials}}\n适合：{{audience}}\n风格：{{tone}}\n介绍：{{description}}\n',
      query: '商品：{{name}}\n类别：{{category}}\n特点：{{features}}\n材质：{{materials}}\n适合：{{audience}}\n风格：{{tone}}\n介绍：',
      separator: '\n',
      stop: ['\n\n', '\n商品：', '\n介绍：'],
      examples: [
        {
          name: '山茶亚麻盖毯',
          category: '家纺',
          features: '水洗工艺，流苏边，130×170厘米',
          materials: '亚麻',
          audience: '喜欢在沙发上午睡的人',
          tone: '温暖',
          description: '水洗亚麻盖毯，越洗越柔软。流苏边设计随性自然，130×170厘米的尺寸足够两个人一起盖。',
        },
        {
          name: '远足20升双肩包',
          category: '箱包',
          features: '电脑隔层，两侧水壶袋，防雨罩',
          materials: '再生尼龙',
          audience: '徒步和通勤的人',
          tone: '实用',
          description: '轻便的20升背包，上山下班都合适。电脑隔层可放15英寸笔记本，两侧口袋放水壶，防雨罩收在包底。',
        },
      ],
    },
  },
  marketingCopy: {
    en: {
      preamble: '{{brand}} ad copy archive ({{voice}} voice)\n',
      example: 'Product: {{name}}\nKey points: {{features}}\nAudience: {{audience}}\n{{label}}: {{copy}}\n',
      query: 'Product: {{name}}\nKey points: {{features}}\nAudience: {{audience}}\nTone: {{tone}}\n{{label}}:',
      separator: '\n',
      stop: ['\n\n', '\nProduct:'],
      examples: [
        {
          name: 'Alder Linen Throw',
          features: 'stonewashed linen, fringed edges',
          audience: 'home lovers',
          headline: 'Linen that gets softer every wash',
          tagline: 'Slow evenings, soft linen.',
          socialPost: 'Meet the Alder throw: stonewashed linen, fringed edges and room for two. Sofa season starts now.',
        },
        {
          name: 'Trailhead 20 L Daypack',
          features: 'laptop sleeve, rain cover, recycled nylon',
          audience: 'commuters who hike on weekends',
          headline: 'One pack for the trail and the train',
          tagline: 'Carry less, go further.',
          socialPost: 'Weekdays on the train, weekends on the trail. The Trailhead 20 L has a laptop sleeve and a rain cover for both.',
        },
      ],
    },
    zh: {
      preamble: '{{brand}}广告文案集（语气{{voice}}）\n',
      example: '商品：{{name}}\n卖点：{{features}}\n人群：{{audience}}\n{{label}}：{{copy}}\n',
      query: '商品：{{name}}\n卖点：{{features}}\n人群：{{audience}}\n风格：{{tone}}\n{{label}}：',
      separator: '\n',
      stop: ['\n\n', '\n商品：'],
      examples: [
        {
          name: '山茶亚麻盖毯',
          features: '水洗亚麻，流苏边',
          audience: '热爱居家的人',
          headline: '越洗越软的亚麻',
          tagline: '慢下来，盖一条软软的亚麻。',
          socialPost: '山茶亚麻盖毯上新：水洗亚麻、流苏边，两个人一起盖刚刚好。沙发季，从今晚开始。',
        },
      ],
    },
  },
  reviewContinuation: {
    en: {
      preamble: 'Verified customer reviews | {{brand}}\n',
      example: 'Rating: {{rating}}\nProduct: {{product}}\nTopics: {{topics}}\nReview: {{review}}\n',
      query: 'Rating: {{rating}}\nProduct: {{product}}\nTopics: {{topics}}\nReview: {{draft}}',
      separator: '\n',
      stop: ['\n\n', '\nRating:', '\nReview:'],
      examples: [
        {
          rating: '★★★★★ (5/5)',
          product: 'linen throw',
          topics: 'quality, size',
          review: 'Lovely heavy linen and it really does get softer after washing. Big enough for both of us on the sofa.',
        },
        {
          rating: '★★★☆☆ (3/5)',
          product: 'running shoes',
          topics: 'fit, shipping',
          review: 'They run half a size small, so order up. Delivery took nine days, longer than promised.',
        },
        {
          rating: '★★☆☆☆ (2/5)',
          product: 'desk lamp',
          topics: 'quality',
          review: 'The arm started to sag after two weeks and the switch feels cheap. Nice light colour though.',
        },
      ],
    },
    zh: {
      preamble: '{{brand}}｜买家真实评价\n',
      example: '评分：{{rating}}\n商品：{{product}}\n关注点：{{topics}}\n评价：{{review}}\n',
      query: '评分：{{rating}}\n商品：{{product}}\n关注点：{{topics}}\n评价：{{draft}}',
      separator: '\n',
      stop: ['\n\n', '\n评分：', '\n评价：'],
      examples: [
        {
          rating: '★★★★★（5/5）',
          product: '亚麻盖毯',
          topics: '质量，尺寸',
          review: '亚麻很厚实，洗过之后确实更软了。两个人盖也够大。',
        },
        {
          rating: '★★★☆☆（3/5）',
          product: '跑鞋',
          topics: '尺码，物流',
          review: '鞋码偏小半码，建议买大一码。物流用了九天，比说的慢。',
        },
      ],
    },
  },
  userStory: {
    en: {
      preamble: '{{brand}} customer stories: real people, real use ({{voice}} voice)\n',
      example: 'Product: {{product}}\nCustomer: {{customer}}\nReview: {{review}}\nStory: {{story}}\n',
      query: 'Product: {{product}}\nCustomer: {{customer}}\nReview: {{review}}\nStory:',
      separator: '\n',
      stop: ['\n\n', '\nProduct:', '\nReview:'],
      examples: [
        {
          product: 'Trailhead 20 L Daypack',
          customer: 'Maya',
          review: 'Fits my laptop and lunch, and the rain cover saved my notes on a wet Monday.',
          story:
            'Maya rides the train to work and hikes on Saturdays. On a wet Monday the rain cover kept her laptop and notes dry, and on Saturday the same pack carried her lunch up the hill.',
        },
        {
          product: 'Morning Ritual Pour-Over Set',
          customer: 'Tom',
          review: 'Making coffee takes four minutes now and I actually look forward to it.',
          story: 'Tom used to drink coffee on the run. Now he spends four quiet minutes with the pour-over set before work, and it has become his favourite part of the morning.',
        },
      ],
    },
    zh: {
      preamble: '{{brand}}用户故事（语气{{voice}}）\n',
      example: '商品：{{product}}\n顾客：{{customer}}\n评价：{{review}}\n故事：{{story}}\n',
      query: '商品：{{product}}\n顾客：{{customer}}\n评价：{{review}}\n故事：',
      separator: '\n',
      stop: ['\n\n', '\n商品：', '\n评价：'],
      examples: [
        {
          product: '远足20升双肩包',
          customer: '小林',
          review: '电脑和午饭都装得下，下雨天防雨罩很管用。',
          story: '小林平时坐地铁上班，周末去爬山。一个下雨的周一，防雨罩保住了她的电脑；到了周六，同一个包又装着午饭陪她上山。',
        },
      ],
    },
  },
  ideaRefinement: {
    en: {
      preamble: '{{brand}} community ideas board: shopper ideas, written up clearly\n',
      example: 'Rough idea: {{idea}}\nTitle: {{title}}\nProblem: {{problem}}\nProposal: {{proposal}}\n',
      query: 'Product area: {{area}}\nRough idea: {{idea}}\nTitle:',
      separator: '\n',
      stop: ['\n\n', '\nRough idea:', '\nProduct area:'],
      examples: [
        {
          idea: 'backpack but the bottle pocket is too small for my big bottle',
          title: 'Wider side pockets for 1-litre bottles',
          problem: 'The side pockets only fit slim bottles, so larger bottles fall out while walking.',
          proposal: 'Make the side pockets stretch to fit 1-litre bottles and add a cord to hold them in place.',
        },
        {
          idea: 'lamp with a timer so it turns off when i fall asleep reading',
          title: 'Sleep timer for the reading lamp',
          problem: 'Readers who fall asleep leave the lamp on all night.',
          proposal: 'Add a 15/30/60-minute timer button that dims the light and then switches it off.',
        },
      ],
    },
    zh: {
      preamble: '{{brand}}共创想法墙：把买家的想法写清楚\n',
      example: '想法：{{idea}}\n标题：{{title}}\n问题：{{problem}}\n方案：{{proposal}}\n',
      query: '产品方向：{{area}}\n想法：{{idea}}\n标题：',
      separator: '\n',
      stop: ['\n\n', '\n想法：', '\n产品方向：'],
      examples: [
        {
          idea: '背包侧袋太小放不下我的大水壶',
          title: '加宽侧袋，放得下1升水壶',
          problem: '侧袋只能放细瓶，大水壶走路时容易掉出来。',
          proposal: '侧袋改用弹力面料，能放下1升水壶，并加一根固定绳。',
        },
      ],
    },
  },
  sharePost: {
    en: {
      preamble: '{{brand}} community: shoppers share their own reviews, in their own words\n',
      example: 'Product: {{product}}\nFacts: {{facts}}\nMy review: {{review}}\nMy post: {{post}}\n',
      query: 'Product: {{product}}\nFacts: {{facts}}\nMy review: {{review}}\nMy post:',
      separator: '\n',
      stop: ['\n\n', '\nProduct:', '\nMy review:'],
      examples: [
        {
          product: 'Alder Linen Throw',
          facts: 'stonewashed linen, 130 × 170 cm',
          review: 'Lovely heavy linen and it really does get softer after washing. Big enough for both of us on the sofa.',
          post: 'Our new sofa favourite: the Alder linen throw. Heavy linen that got softer after one wash, and big enough for two.',
        },
        {
          product: 'Trailhead 20 L Daypack',
          facts: 'laptop sleeve, rain cover',
          review: 'Fits my laptop and lunch, and the rain cover saved my notes on a wet Monday.',
          post: 'Laptop, lunch and a rainy Monday: my Trailhead 20 L kept all of it dry.',
        },
      ],
    },
    zh: {
      preamble: '{{brand}}买家分享：用自己的话分享自己的评价\n',
      example: '商品：{{product}}\n参数：{{facts}}\n我的评价：{{review}}\n我的分享：{{post}}\n',
      query: '商品：{{product}}\n参数：{{facts}}\n我的评价：{{review}}\n我的分享：',
      separator: '\n',
      stop: ['\n\n', '\n商品：', '\n我的评价：'],
      examples: [
        {
          product: '山茶亚麻盖毯',
          facts: '水洗亚麻，130×170厘米',
          review: '亚麻很厚实，洗过之后确实更软了。两个人盖也够大。',
          post: '沙发上的新宠：山茶亚麻盖毯。厚实的亚麻洗一次就变软了，两个人盖刚刚好。',
        },
      ],
    },
  },
};

/** Brand defaults used when the merchant gives none. */
export const DEFAULT_BRAND: Readonly<Record<Lang, { name: string; voice: string }>> = {
  en: { name: 'Our store', voice: 'friendly, clear' },
  zh: { name: '我们的店铺', voice: '亲切、简洁' },
};
