"""The clause reader: holders by agreement, apposition, pronoun, relative and noun slots;
references; negated moves. Sentences written for these tests (tag.subjects, tag.positions)."""

from __future__ import annotations

import pytest
from test_positions import tag

CASES = [
    # (sentences, expected (holder, move, counterpart) rows of the last sentence), rule
    (["ورفض المبعوث الأمريكي، جيمس جيفري، المقترح الروسي."], {("jeffrey", "reject", "RUS")}),
    (["الحكومة التركية رفضت العرض."], {("TUR", "reject", "")}),
    (["ووصل لافروف إلى أنقرة، لكنه رفض الحديث عن أي تنازلات."], {("lavrov", "reject", "")}),
    (
        ["التقى بوتين بأردوغان في سوتشي.", "وعرض عليه إقامة منطقة آمنة في الشمال."],
        {("putin", "offer", "")},
    ),
    (
        ["أكد الروس التزامهم بالهدنة في الشمال.", "وقدموا ضمانات للأتراك بعدم مهاجمة المدينة."],
        {("RUS", "guarantee", "TUR")},
    ),
    (
        ["وتم التوصل إلى اتفاق بين تركيا وروسيا حول المدينة."],
        {("TUR", "agreement", "RUS")},
    ),
    (["وكشف الوزير عن عرض روسي لتركيا بشأن المدينة."], {("RUS", "offer", "TUR")}),
    (["وتعثرت المفاوضات بسبب اشتراط أنقرة خروج المقاتلين."], {("TUR", "condition", "")}),
    (["ورفضت دمشق العرض التركي."], {("SYR", "reject", "TUR")}),
    (["ولم تقبل المعارضة السورية بالهدنة."], {("syrian_opposition", "reject", "")}),
    (
        ["روسيا وتركيا اتفقتا على هدنة في الشمال."],
        {("RUS", "agreement", "TUR")},
    ),
    # every actor of a chain joined by و before the verb
    (
        ["وقال السفير إن فرنسا وروسيا والصين اتفقت على البيان."],
        {("FRA", "agreement", "RUS"), ("RUS", "agreement", "FRA"), ("CHN", "agreement", "FRA")},
    ),
    (["وأبدت أنقرة استعدادها للتفاوض مع دمشق."], {("TUR", "offer", "")}),
    (["أنقرة مستعدة لسحب قواتها من المدينة."], {("TUR", "offer", "")}),
    (["ومارست واشنطن ضغوطا على أنقرة لوقف الهجوم."], {("USA", "demand", "TUR")}),
    (
        ["ووقع وزير الدفاع الروسي سيرغي شويغو مع نظيره التركي اتفاقا جديدا."],
        {("shoigu", "agreement", "")},
    ),
    # a red line: "will not allow" is a threat, "allowed" is no move
    (["وقال الوزير إن أنقرة لن تسمح بقيام كيان على حدودها."], {("TUR", "threat", "")}),
    (["وسمحت أنقرة بدخول المساعدات إلى المدينة."], set()),
    # a negated "allow" draws a red line when it looks ahead or is the speaker's own word;
    # a past refusal and the writer's account of a policy or a rule draw none
    (["وقال الوزير التركي: لا نسمح بقيام كيان على حدودنا."], {("TUR", "threat", "")}),
    (["وكانت أنقرة لم تسمح بدخول المساعدات إلى المدينة."], set()),
    (["والولايات المتحدة تدعم أنقرة لكنها لا تسمح لها بدخول المدينة."], set()),
    (["وذكر التقرير أن الدستور العراقي لا يسمح للحكومة العراقية ببقاء القوات الأجنبية."], set()),
    (["وتمسكت المعارضة السورية برحيل الحكومة."], {("syrian_opposition", "demand", "")}),
    # a relative whose head is not an actor: "the dangers that threaten Syria" is no threat
    (["وناقش الوفدان المخاطر التي تهدد سوريا."], set()),
    # "because" opens another clause: the parties of its بين are not the agreement's
    (
        ["وقال المحلل إن الاتفاق جاء سريعا لأن المفاوضات بين المعارضة السورية وروسيا بدأت ."],
        set(),
    ),
    (["وجاء الاتفاق سريعا حيث جرت المفاوضات بين تركيا وروسيا قبل أسابيع ."], set()),
    # a definite move noun that a move is part of, or done within, was made before
    (["وجاء الانسحاب التركي من المدينة في إطار المبادرة الروسية ."], set()),
    (
        ["وطالبت الولايات المتحدة الأمريكية في جزء من عرضها بانسحاب المقاتلين ."],
        {("USA", "demand", "")},
    ),
    (["وجاء الانسحاب ضمن اتفاق سري بين روسيا وتركيا ."], {("RUS", "agreement", "TUR")}),
    # a move noun that is the genitive of its end or breach is not the light verb's object
    (["وأعلنت روسيا انهيار الهدنة في الشمال ."], set()),
    (["وأعلنت المعارضة السورية خرق الهدنة من قبل النظام ."], set()),
    (["وأعلنت طهران فشل الصفقة مع واشنطن ."], set()),
    (["وأعلنت المعارضة السورية وفاة الهدنة في الشمال ."], set()),
    # insisting on a denial is a claim; a width is no offer
    (
        [
            "وتحدثت تقارير عن اتفاق بين تركيا والتحالف الدولي .",
            "وهو أمر تصر الحكومة التركية على نفيه .",
        ],
        set(),
    ),
    (
        [
            "وتحدثت تقارير عن اتفاق بين تركيا والتحالف الدولي .",
            "وهو أمر تصر تلك الجهتان على نفيه .",
        ],
        set(),
    ),
    (["وأقامت تركيا منطقة عازلة لا يتجاوز عرضها 500 متر على الحدود ."], set()),
    (["وقدمت أنقرة عرضا لإقامة منطقة بعرض 10 كيلومترات على الحدود ."], {("TUR", "offer", "")}),
    # the relative ما ("which": the news just told) is the subject of the verb after it
    (["وقال المتحدث إن حزب الله يواصل نقل الأسلحة إلى الجنوب , ما يهدد بمواجهة إقليمية ."], set()),
    (["وتواصل روسيا قصف المدينة , مما يهدد بانهيار الهدنة ."], set()),
    # a warning carried by a light verb is a threat only with the holder's own future act
    (["وجدد السفير الإسرائيلي تحذيره من استمرار الوجود الإيراني ."], set()),
    (["وجدد الوزير الإيراني تحذيره من أن بلاده سترد على أي هجوم ."], {("IRN", "threat", "")}),
    # a word whose own stem begins with س is no future verb ("سياسة", "سيناء")
    (["وحذر الوزير الإيراني من أن سياسة الحصار تضر بالمنطقة ."], set()),
    # a light verb does not reach a deal that is only carried out ("لتنفيذ اتفاق")
    (["ووقعت الحكومة السورية في عمان وثيقة لتنفيذ اتفاق الهدنة ."], set()),
    # brandishing is a threat by its owner (genitive or pronoun), not when the noun is the
    # object of another move ("رفض التلويح": a refusal to brandish)
    (["وخرجت تظاهرات تنديدا بتلويح أنقرة بشن هجوم على المدينة ."], {("TUR", "threat", "")}),
    (["وصعدت أنقرة لهجتها أمس عبر تلويحها بإغلاق قاعدة إنجيرليك ."], {("TUR", "threat", "")}),
    (["وانتقد الوزير رفض الحكومة التلويح بالحل العسكري ."], set()),
    # a preposition reading: ضمن "within"
    (["وجاءت الخطوة ضمن مساعي موسكو في الشمال."], set()),
    # a source's anonymity and "exposed to" are not moves
    (["وقال مسؤول تركي رفض الكشف عن اسمه إن الهدنة صامدة."], set()),
    (["وتعرضت المدينة لهجوم عنيف أمس."], set()),
    # after a first-person verb the noun is its object, not its subject: the speaker holds it
    (["وقال الوزير التركي: ندعو الحكومة السورية إلى وقف القصف."], {("TUR", "demand", "SYR")}),
    # قام بـ + verbal noun; a verbal noun with its genitive subject
    (["وقامت أنقرة بالضغط على الفصائل لقبول الهدنة."], {("TUR", "demand", "")}),
    (
        ["وجاء ذلك بعد توقيع تركيا وروسيا اتفاقا جديدا حول المدينة."],
        {("TUR", "agreement", "RUS")},
    ),
    # a nisba in quotes after the noun
    (['تفاهم "تركي روسي" حول الشمال.'], {("TUR", "agreement", "RUS")}),
    # no subject, no antecedent, no speaker: no holder rather than a wrong one
    (["ورفض العرض في اليوم التالي."], set()),
    # a recipient after a preposition is never the holder
    (["وقدمت ضمانات لإسرائيل بعدم الاقتراب من الحدود."], set()),
    # a light verb's noun does not sit in the content clause after it: the agreement's
    # parties are named after بين, not the speaker of أكد
    (
        ["وأكد الوزير الروسي أنه تم الاتفاق بين أنقرة وطهران على تبادل الأسرى."],
        {("TUR", "agreement", "IRN")},
    ),
    # readiness to abide by a truce is a pledge; condemning a deal, a rejection
    (["وأبدت دمشق استعدادها للالتزام بالهدنة في الجنوب."], {("SYR", "guarantee", "")}),
    (["واستنكرت أنقرة الاتفاق الروسي الأمريكي."], {("TUR", "reject", "RUS")}),
    # an idea put forward by a light verb is a proposal; the envoy's name as pages write it
    (
        ["وأطلق الرئيس الروسي فلاديمير بوتين فكرة عقد مؤتمر للحوار السوري ."],
        {("putin", "offer", "")},
    ),
    # a name inside the idea put forward is not who puts it forward
    (['ويبقى الخلاف قائما حول طرح فكرة " رحيل الأسد " .'], set()),
    (
        ["في الوقت الذي دعا فيه ديمستورا إلى تأجيل بحث وقف إطلاق النار ."],
        {("de_mistura", "demand", "")},
    ),
    # a light verb's subject set off by a comma before its noun
    (["وأكد الرئيس بشار الأسد , استعداده للالتزام بالهدنة."], {("assad", "guarantee", "")}),
    # but not any clause between commas
    (["وأكد الوزير , بعد لقائه نظيره , استعداده للتفاوض."], set()),
    # an invitation to a visit is an offer to its addressee
    (["ودعت موسكو وفد المعارضة السورية لزيارة العاصمة الروسية."], {("RUS", "offer", "")}),
    # a first-person verb in a quotation: the speaker holds it
    (['وقال نتنياهو: " لن نسمح لإيران بالتموضع في سوريا " .'], {("netanyahu", "threat", "IRN")}),
    (["وقال المتحدث: نرفض المقترح الروسي."], set()),
    # a partial quotation does not part the light verb from its noun or the pronoun
    (
        ['قال وزير الخارجية الروسي سيرغي لافروف إنه " توصل لاتفاق " مع أنقرة .'],
        {("lavrov", "agreement", "TUR")},
    ),
    # a comma before the negator does not hide it
    (["وقال نتنياهو، لن نقبل بالعرض الروسي."], {("netanyahu", "reject", "RUS")}),
    # the counterpart after a title's counterpart ("مع نظيره/نظيريه" + nisba)
    (["واتفق الرئيس الروسي مع نظيره التركي على وقف إطلاق النار."], {("RUS", "agreement", "TUR")}),
    (
        ["قال الوزير الروسي سيرغي لافروف إنه توصل لاتفاق مع نظيريه التركي والإيراني."],
        {
            ("lavrov", "agreement", "TUR"),
            ("TUR", "agreement", "lavrov"),
            ("IRN", "agreement", "lavrov"),
        },
    ),
    # a later clause's own speaker: "بلاده" is his state, not the first speaker's
    (
        [
            "قال لافروف إن موسكو تدعم الحل , فيما قال وزير الخارجية الإيراني محمد جواد ظريف"
            " إن بلاده ترفض أي شروط مسبقة."
        ],
        {("IRN", "reject", "")},
    ),
    # a cue the scraper broke (a diacritic written as a space) is read whole
    (["ر فضت دمشق العرض الأمريكي ."], {("SYR", "reject", "USA")}),
    # warning a named party against an act is a threat to it; warning of a danger is not
    (
        ["وحذر رئيس الأركان الإيراني إسرائيل من انتهاك الأجواء السورية ."],
        {("IRN", "threat", "ISR")},
    ),
    (["وحذر رئيس الأركان الإيراني من خطورة التصعيد في المنطقة ."], set()),
    # a red line drawn by the speaker
    (
        ["وقال وزير الدفاع الإسرائيلي أفيغدور ليبرمان إن تهريب السلاح إلى حزب الله خط أحمر ."],
        {("lieberman", "threat", "")},
    ),
    # an institution and its state in idafa is the subject after the verb
    (
        ["تدعو حكومة الجمهورية العربية السورية مجلس الأمن إلى إدانة الاعتداءات ."],
        {("SYR", "demand", "UN")},
    ),
    # a part of an actor is its subject ("فصائل من المعارضة"), past a time set off by a comma
    (["وطالبت فصائل من المعارضة السورية بانسحاب القوات ."], {("syrian_opposition", "demand", "")}),
    # ... and so is one named with في ("مسؤولون في المعارضة"), but not a place it is in
    (
        ["وطالب مسؤولون في المعارضة السورية الأمم المتحدة بالإفراج عن المعتقلين ."],
        {("syrian_opposition", "demand", "UN")},
    ),
    (["وطالب مقاتلون في سوريا بالإفراج عن المعتقلين ."], set()),
    # ... a single member, and one with an adjective of rank or field between ("قيادي
    # بارز في", "مسؤول عسكري في", "شخصيات بارزة في"), before the verb too
    (
        ["وطالب مسؤول في وزارة الخارجية الأمريكية روسيا بالضغط على إيران ."],
        {("USA", "demand", "RUS")},
    ),
    (
        ["ورفض قيادي بارز في المعارضة السورية العرض الروسي ."],
        {("syrian_opposition", "reject", "RUS")},
    ),
    (
        ["وأعلنت شخصيات بارزة في المعارضة السورية رفضها المشاركة في المؤتمر ."],
        {("syrian_opposition", "reject", "")},
    ),
    (["وهدد قائد عسكري في الحرس الثوري الإيراني إسرائيل بالرد ."], {("irgc", "threat", "ISR")}),
    # the sources' actor does not hold the move of a subject of its own ("الوفد")
    (["وقالت مصادر في المعارضة السورية إن الوفد سيطالب بانسحاب القوات ."], set()),
    (["مسؤول في الخارجية الروسية يرفض العرض الأمريكي"], {("RUS", "reject", "USA")}),
    # a former member speaks for nobody; a member in a place is where one is, not whose
    (["ورفض مسؤول سابق في الخارجية الأمريكية العرض الروسي ."], set()),
    (["وطالب مسؤول في دمشق بالإفراج عن المعتقلين ."], set()),
    # insistence (إصرار X على) is a demand, unless it insists that something is so
    (
        ["وانتقد البيان إصرار البنتاغون على نقل الفصائل إلى الشدادي في سوريا ."],
        {("USA", "demand", "")},
    ),
    (["وأكد البيان إصرار روسيا على أن الاتفاق صامد في سوريا ."], set()),
    (["وانتقد الكونغرس خطة أوباما في سوريا وإصراره على مواصلة الضربات ."], set()),
    # deciding, trying or intending a move is making it; the verbal noun comes first
    (["وقررت روسيا رفض المقترح الأمريكي ."], {("RUS", "reject", "USA")}),
    (["وحاولت فرنسا مؤخرا اقتراح مجموعة اتصال ."], {("FRA", "offer", "")}),
    (["وقال الوزير الإيراني : لا نعتزم عمل ذلك دون موافقتكم ."], set()),
    # a definite adjective after a definite noun is its attribute, not a pledge
    (["ودعت القمة النظام والمعارضة الملتزمة بوحدة البلاد إلى الحوار ."], set()),
    # "تعرض لضغوط" (was subjected to), past its subject, is no offer
    (["وقال نظام الأسد إن الوضع مستقر .", "تعرض التنظيم لضغوط عديدة بسبب الخسائر ."], set()),
    # an imperfective verb with و continues the verb before it, whatever the و is read as
    (
        ["وقال مسؤول روسي إن موسكو تساعد سوريا وتطالب الأمم المتحدة بوقف العملية العسكرية ."],
        {("RUS", "demand", "UN")},
    ),
    # support of a proposal named right after it is its endorsement; support to a party
    # is no move
    (
        ["وعلى الفور أعلن ممثل الحكومة السورية دعمه المبادرة ."],
        {("SYR", "accept", "")},
    ),
    (["وقدمت إيران دعما عسكريا للنظام السوري بقرار من خامنئي ."], set()),
    # "any agreement" is no agreement in particular, nor what a light noun carries
    (["وقال إنه يتعين إبرام أي اتفاق سلام بين الحكومة السورية والمعارضة ."], set()),
    (["ونفى المتحدث أي اتفاق بين قوات سوريا الديمقراطية ومسلحي داعش ."], set()),
    # a definite participle describes the word before it: an actor holds the move, another
    # noun (a doctrine, activists named by a nisba) none; "موقف X الرافض" is X's
    (["وقال إن إيران الرافضة للاتفاق تواصل دعم النظام ."], {("IRN", "reject", "")}),
    (["وينفرد تنظيم الدولة الإسلامية بمكانة مستقلة , ولعقيدته الرافضة لمفهوم الوطنية ."], set()),
    (["وتضمن التواصل بين الناشطين الإيرانيين الداعين إلى الديمقراطية ."], set()),
    (
        [
            "ويقول مراقبون إن مصر تسعى لوقف التصعيد , رغم موقف مصر الداعم للخليج , والرافض للتدخل"
            " الإيراني ."
        ],
        {("EGY", "reject", "IRN")},
    ),
    # a noun's owner is no subject a later joined verb shares
    (
        [
            "ورغم أن أنقرة قابلت المبادرة الأمريكية بتحفظ سببه اختلاف الرؤى بين البلدين , وفي"
            " فهم كل منهما للأزمة , فإنها مضطرة للتعامل معها بشكل إيجابي للوصول إلى نقطة مشتركة"
            " مع الفهم الأمريكي الذي يعني حماية شاملة للمدنيين , فطرحت مبادرتها الخاصة ."
        ],
        {("USA", "offer", "")},
    ),
    # a word with a possessive pronoun is the noun (موافقتها), not the participle
    (
        ["وقال إن أنقرة تنازلت عن مطلبها برحيل الأسد , وموافقتها على بقائه تعني الكثير ."],
        {("TUR", "demand", ""), ("TUR", "accept", "")},
    ),
    # "من قبل X" after a participle is that participle's agent
    (
        ["لأن موافقتها على عبور قوات درع الفرات المدعومة من قبل تركيا ستغضب الأكراد ."],
        set(),
    ),
    # a light verb's noun is not looked for in a relative clause on its object, but past
    # one on its subject
    (["وأعلن الرئيس الأمريكي دونالد ترامب أنه منح الجوائز التي وعد بها لوسائل الإعلام ."], set()),
    (
        ["وسبق أن توصل حزب الله اللبناني الذي يقاتل لصالح النظام السوري , إلى اتفاق مع داعش ."],
        {("hezbollah", "agreement", "isis")},
    ),
    # a party's commitment towards another is its pledge; compliance with a deal, watched
    # or denied (عدم التزام), is none
    (
        ["وأصدر الجيش الإسرائيلي بيانا قال فيه إنه تحرك انطلاقا من التزامه تجاه السكان ."],
        {("ISR", "guarantee", "")},
    ),
    (["وقال إن الوكالة تراقب التزام إيران بالاتفاق النووي ."], set()),
    (["وأكد الوزير عدم التزام إيران بالاتفاق ."], set()),
    # after an actor and its verb, the next actor is the object, never a pronoun's
    # antecedent: the one who tells pledges
    (
        ["وقالت الصحيفة إن روسيا أبلغت إسرائيل أنها لن تسمح لإيران بالتموضع في سوريا ."],
        {("RUS", "threat", "IRN")},
    ),
    # a name after the object noun is its genitive, not in apposition to the subject
    (
        ["وأدان قادة إيران قرار ترامب الذي يتضمن نقل السفارة الأمريكية إلى القدس ."],
        {("IRN", "reject", "trump")},
    ),
    # a point of view (وجهة نظر) is no light verb; an approval required is none given
    (["وقال الوفد : إن الموقف من الأسد هو وجهة نظر وليس شرطا مسبقا ."], set()),
    (["وقالت المصادر إن الاتفاق سيتطلب موافقة الأسد والمعارضة المسلحة ."], set()),
    # readiness for every eventuality is no offer
    (["وقال الوزير إن تركيا مستعدة لكل الاحتمالات ."], set()),
    (["لكنها تعكس الاستعداد التركي لكل السيناريوهات ."], set()),
    # an actor inside a relative clause is no antecedent: the clause's head is
    (
        ["وخففت أنقرة التي تدعم المعارضة منذ فترة طويلة مطلبها بضرورة رحيل الأسد ."],
        {("TUR", "demand", "")},
    ),
    # the subject of a relative clause whose verb carries the head as its object is not the
    # subject of the verb after the clause
    (["وقال إن أغلب الفصائل التي حاربتها جبهة النصرة سابقا رفضت الاتفاق ."], set()),
    # a long noun topic after إن is the verb's subject: no antecedent is sought
    (
        [
            "وقال مبعوث الأمم المتحدة : إن الأطراف المشاركة في المحادثات السورية في أستانة"
            " عاصمة قازاخستان اتفقت أمس على تشكيل مجموعة عمل ."
        ],
        set(),
    ),
    # an indefinite move noun and من + an actor: that actor's move; not a warning of X
    (["وقالت أنقرة إنها تلقت ضمانات من موسكو بوقف القصف ."], {("RUS", "guarantee", "")}),
    (["وهناك اعتراض من إيران على المقترح ."], {("IRN", "reject", "")}),
    # a word in another sense: endangering ("يهدد وحدة البلاد"), showing off one's power,
    # being bound by a treaty
    (["وقال لافروف إن الوجود الأمريكي يهدد وحدة البلاد ."], set()),
    (["وأكد أن إيران تهدد أمن واستقرار المنطقة ."], set()),
    (["وهددت أنقرة بشن عملية عسكرية في الشمال ."], {("TUR", "threat", "")}),
    (["وقال بوتين إن روسيا عرضت في سوريا قدراتها العسكرية ."], set()),
    (["فروسيا وسوريا تربطها معاهدة دفاع مشترك ."], set()),
    (["وربطت موسكو وقف القصف بخروج المسلحين ."], {("RUS", "condition", "")}),
    # a name the dictionary lacks, opening its clause, is the verb's subject: the actor
    # after the verb is the one called on ...
    (["وكالة : كندا تدعو السلطات الإيرانية إلى احترام الحقوق ."], set()),
    # ... not a weekday, nor a person's name after his title
    (
        ["وأصدر مجلس الأمن بيانا رئاسيا الأربعاء يدعو الحكومة السورية إلى ضمان وصول المساعدات ."],
        {("UN", "demand", "SYR")},
    ),
    (
        ["رئيس الوزراء التركي بن علي يلدريم يحذر أميركا من الاستمرار في دعم قوات قسد ."],
        {("TUR", "threat", "USA")},
    ),
    # after لما a verb: دعاه with بـ names ("what he called"), تعرض له is undergoing
    (["واتهم أردوغان إيران بالترويج لما دعاه بالقومية الفارسية ."], set()),
    (["وفق ظروف مشابهة لما تعرض له الكاتب التركي أورهان باموك ."], set()),
    (["ودعاه بوتين إلى زيارة موسكو ."], {("putin", "offer", "")}),
    # readiness with its own pronoun may take its object without لـ; an adjective is none
    (["وأبدت أنقرة استعدادها إقامة مناطق آمنة ."], {("TUR", "offer", "")}),
    (["وأظهرت أنقرة استعدادها القتالي العالي ."], set()),
    # threats need a light verb, or من + whose threats they are ...
    (["وتلقت المعارضة تهديدات من روسيا ."], {("RUS", "threat", "")}),
    (["وأثارت تهديدات من وزير الخارجية الأمريكي غضبا واسعا ."], {("USA", "threat", "")}),
    # ... not a من that names no actor, nor a warning of threats
    (["وتلقت المعارضة تهديدات من مسلحين قرب الحدود مع تركيا ."], set()),
    (["وحذر خبراء من تهديدات من إيران ."], set()),
    (["وأطلق ناشطون تحذيرا من إيران ."], set()),
    # a welcome of agreements in the plural is an acceptance as of one
    (["ورحبت تركيا بالاتفاقيات الموقعة في أستانا ."], {("TUR", "accept", "")}),
    # a move noun as the object of a negated verb: the move was not made
    (["ولم تحصل أنقرة على موافقة روسيا على العملية ."], set()),
    (["لكن الاجتماع لم يسفر عن موافقة الولايات المتحدة على الخطط ."], set()),
    (["وحصلت أنقرة على موافقة روسيا على العملية ."], {("RUS", "accept", "")}),
    # a negated move with إلا is a restriction, not a refusal
    (["لأن أمريكا لا تضمن إلا أمن إسرائيل ."], set()),
    # "أيضا" between a noun subject and its predicate: the noun is still the subject
    (["وأعلن تنظيم داعش تشكيل لجنة , والإجراءات العقابية أيضا جاهزة لدى اللجنة ."], set()),
    (
        ["توصلت اليوم الثلاثاء , فصائل من المعارضة السورية إلى اتفاق لإخلاء المدينة ."],
        {("syrian_opposition", "agreement", "")},
    ),
    # a noun in idafa is definite: the holder's move named again is no new move
    (["رفضت دمشق العرض الأمريكي .", "وأدى رفض دمشق إلى تعثر المفاوضات ."], set()),
    # ... but one about no known issue with a complement of its own is said again with
    # what it is about: a move named anew
    (
        ["طالبت المعارضة بوقف القصف .", "وساندت دول غربية مطلب المعارضة برحيل الأسد ."],
        {("syrian_opposition", "demand", "")},
    ),
    (
        [
            "وافقت الحكومة السورية على المبادرة .",
            "وأبلغ المبعوث المجلس بموافقة الحكومة السورية على وقف القتال .",
        ],
        {("SYR", "accept", "")},
    ),
    # ... but a guarantee about another issue is another guarantee, and an agreement named
    # again is the same agreement whatever it is said to be about
    (
        ["ضمنت روسيا الهدنة في حلب .", "وأدى ضمان روسيا انسحاب الميليشيات الإيرانية إلى تهدئة ."],
        {("RUS", "guarantee", "")},
    ),
    (
        ["واتفقت روسيا مع تركيا على الهدنة .", "ونص اتفاق روسيا على انسحاب الميليشيات الإيرانية ."],
        set(),
    ),
    # after a light verb, the noun's own genitive holds the move, a name counting as one
    # word before the preposition the noun needs
    (
        ['وأعرب المتحدث عن استعداد " وحدات حماية الشعب " لتشكيل غرفة عمليات مشتركة .'],
        {("ypg", "offer", "")},
    ),
    (["وأكد استعداد الجيش السوري الحر للالتزام بالهدنة ."], {("fsa", "guarantee", "")}),
    # "مرفوض" and "غير مقبول" as the predicate of the speaker's words: his rejection; as
    # the attribute of an indefinite noun, or in the outlet's own voice, no move
    (["وقال لافروف إن هذا الحل مرفوض جملة وتفصيلا ."], {("lavrov", "reject", "")}),
    (["وأكد لافروف أن بقاء القوات الأمريكية في سوريا غير مقبول ."], {("lavrov", "reject", "")}),
    (["وقال لافروف إن واشنطن تقوم بتدخل مرفوض في شؤون سوريا ."], set()),
    (["وقال لافروف إن تركيا فرضت وضعا غير مقبول في الشمال ."], set()),
    (["وهذا الحل مرفوض ."], set()),
    # a move noun a demand asks for (بـ/لـ, إلى) is no move of the party asked
    (
        ["وتضغط إسرائيل على روسيا والولايات المتحدة لتقديم ضمانات بإبعاد إيران ."],
        {("ISR", "demand", "RUS")},
    ),
    (
        ["وطالبت المعارضة السورية روسيا بتقديم ضمانات بوقف القصف ."],
        {("syrian_opposition", "demand", "RUS")},
    ),
    (
        ["ودعت تركيا روسيا إلى الالتزام بالهدنة , وتعهدت روسيا بضمان الهدنة ."],
        {("TUR", "demand", "RUS"), ("RUS", "guarantee", "")},
    ),
    # a paper put to a party is an offer; a question put to it is not
    (["وطرح دي ميستورا الورقة على الحكومة السورية ."], {("de_mistura", "offer", "SYR")}),
    (["وطرح لافروف على نظيره التركي سؤالا حول المدينة ."], set()),
    # an invitation reaches past a long list of the invited
    (
        ["ووجهت روسيا دعوة إلى 33 تيارا وائتلافا وحزبا سوريا , بعضها في الداخل , لحضور المؤتمر ."],
        {("RUS", "offer", "")},
    ),
    # asking for anonymity, declining to comment and backing another's plan are no moves
    (["ونقلت الوكالة عن مسؤول أمريكي طلب عدم كشف هويته أن واشنطن تدرس الخيارات ."], set()),
    (["وتتحفظ دمشق عن إصدار أي تعليق رسمي حول الموضوع ."], set()),
    (["وكانت روسيا قالت إنها مستعدة لدعم خطة الأمم المتحدة في حلب ."], set()),
    (["وتحفظت تركيا على البند الثالث من الاتفاق ."], {("TUR", "reject", "")}),
    # a person further on after a preposition is no apposition of the subject
    (["ونددت وزارة الخارجية الإيرانية بقرار ترامب بشأن القدس ."], {("IRN", "reject", "trump")}),
    # a light verbal noun's possessive pronoun asks its agreement of the agent: "their
    # (two) signing" is not the one American before it
    (
        [
            "ونسق الرئيس الأمريكي المصافحة بين رئيس الوزراء الإسرائيلي والزعيم الفلسطيني ,"
            " بعد توقيعهما على اتفاق انتقالي ."
        ],
        set(),
    ),
    (
        ["والتقى بوتين وأردوغان في سوتشي بعد توقيعهما على اتفاق الهدنة ."],
        {("putin", "agreement", "erdogan")},
    ),
    # a speaker the dictionary lacks holds his own words' moves: no one before stands in
    (['وقال المبعوث الأممي : " الوضع صعب .', 'وأعلن إسماعيل هنية " لن نسمح بالتوغلات " .'], set()),
    # an object pronoun on a demand's verb names the party called on
    (
        ["حذر الرئيس الصيني واشنطن من المخطط , وطالبها بأن تبدي تفهما أكبر ."],
        {("CHN", "threat", "USA"), ("CHN", "demand", "USA")},
    ),
    (
        ["أما بخصوص تركيا فقد دعاها وزير الدفاع الأمريكي إلى التركيز على قتال التنظيم ."],
        {("USA", "demand", "TUR")},
    ),
    # a monitor quoted as a source is the subject of its own calls, before or after the verb;
    # a bare agency name before a verb is a dateline
    (["منظمة هيومن رايتس ووتش تطالب الرئيس السوري بأن يأمر قوات الأمن بالكف عن العنف ."], set()),
    (["وحثت هيومن رايتس ووتش رئيس الوزراء حيدر العبادي على تصحيح ذلك ."], set()),
    (
        ["أ ف ب دعا وزير الخارجية الروسي سيرغي لافروف إلى قيام نظام عالمي جديد ."],
        {("lavrov", "demand", "")},
    ),
    # a place named for a body agrees as feminine: Europe calls, Moscow and Ankara are called
    (["أوروبا تدعو موسكو وأنقرة إلى التهدئة ."], {("EU", "demand", "RUS")}),
    # Germany: the capital speaks for the state, and the one it asks is no holder
    (
        ["وتقول برلين إن الاعتقالات لها دوافع سياسية وطالبت أنقرة بالإفراج عن رعاياها ."],
        {("DEU", "demand", "TUR")},
    ),
    # what must be done, with no bearer named, opening a speaker's words: his demand; not in
    # a relative clause, nor the speaker's own side ("يجب أن ندرك")
    (
        ["وأعلن علي أكبر ولايتي مستشار المرشد لدى زيارته حلب أنه يجب الهجوم على إدلب ."],
        {("velayati", "demand", "")},
    ),
    (["وقال الجعفري : ينبغي رحيل القوات الأمريكية عن سورية ."], {("jaafari", "demand", "")}),
    (['وقال الأسد : " هناك العديد من القضايا التي ينبغي مناقشتها في جنيف " .'], set()),
    (["وقال لافروف إنه يجب أن ندرك خطورة الوضع ."], set()),
    # the pronoun after a reporting verb with an indefinite subject is that subject's; after
    # a definite noun it is the actor named before
    (
        ["وقال سكان إن الأتراك أعادوا العشرات .", "وقال 4 آخرون إنهم رفضوا العودة إلى سوريا ."],
        set(),
    ),
    (
        ["وأصدرت حركة أحرار الشام بيانا .", "وأضافت الحركة أنها تقبل انضمام الفصائل ."],
        {("ahrar_al_sham", "accept", "")},
    ),
    # الأمين is a title before a name, though it is also a given name
    (
        ["حث الأمين العام للأمم المتحدة السيد بان كي مون اليوم جميع الدول على التعاون ."],
        {("ban_ki_moon", "demand", "")},
    ),
    (
        ["وأعلن الأمين العام لحزب الله السيد حسن نصرالله استعداده سحب قواته من العراق ."],
        {("nasrallah", "offer", "")},
    ),
    # a nisba after a noun of private persons or civil bodies is their nationality
    (["عشر منظمات سورية ترفض دعوة ديمستورا لحضور الاجتماعات ."], set()),
    (["وقطعوا رؤوس أطفال مسيحيين عراقيين رفضوا الدخول في الإسلام ."], set()),
    (["ويحق للسوريين الإقامة عبر كفيل لبناني يقوم بالتعهد بالمسؤولية عنهم ."], set()),
    # a name after an adverb of place is no subject before the verb
    (["خلافات داخل قوات سوريا الديمقراطية تهدد تماسكها ."], set()),
    (["وقال إن خلافات داخل الحكومة التركية تهدد الاتفاق ."], set()),
    # a possessed noun with a preposition after it is the light verb's object, and a move
    # noun in that complement is not carried; a noun joined by و after it is
    (["وهذه هي المرة الأولى التي تعلن فيها روسيا تأييدها لمثل هذه الفكرة ."], set()),
    (["وأعلنت روسيا موقفها من الخطة الأمريكية ."], set()),
    (["وأعربت منصة موسكو عن احتجاجها على هذا الطلب ."], set()),
    (["أنقرة تؤكد حصولها على ضمانات من واشنطن بوقف تسليح الأكراد ."], {("USA", "guarantee", "")}),
    (
        ["روسيا تؤكد استمرار دعمها لسوريا ورفض إقامة منطقة آمنة في الشمال ."],
        {("RUS", "reject", "")},
    ),
    (
        ["وأعربت روسيا عن استعدادها لتقديم ضمانات ."],
        {("RUS", "offer", ""), ("RUS", "guarantee", "")},
    ),
    # "whoever" is the subject of its verb and of a verb joined to it by أو; a cleft names
    # who it is
    (["ويعاقب تنظيم داعش كل من يخالف أحكامه أو يعارضه ."], set()),
    (["وتعاقب الحكومة السورية كل من يرفض التجنيد ."], set()),
    (["وقال إن الولايات المتحدة هي من طلبت تشكيل القوات ."], {("USA", "demand", "")}),
    # what one who wishes or demands wants of another is no move of the other
    (["وقالت هيئة الأركان إن الولايات المتحدة ترغب بأن يلتزم الأسد بأربعة أمور ."], set()),
    (["وتريد واشنطن أن يقبل الأسد بالعرض ."], set()),
    (["وقال إن موسكو تأمل أن توافق أنقرة على العرض ."], set()),
    (["وطالبت روسيا بأن تلتزم المعارضة بالهدنة ."], {("RUS", "demand", "")}),
    # a definite subject ends at a bare noun or title after it: the name further on is the
    # object's; so is the genitive of a head that is no title ("قرار ترامب")
    (["ورفضت الفصائل قرار ترامب حول القدس ."], set()),
    (["ورفضت الفصائل المسلحة قرار ترامب حول القدس ."], set()),
    (["وأصدرت الفصائل بيانا استنكرت فيه قرار ترامب حول القدس ."], set()),
    (["حيث دعت الجامعة وزير الخارجية الروسي سيرغي لافروف لاجتماع مشترك ."], set()),
    (["واقترح الحريري استبدال الرئيس السوري بشار الأسد بحكومة انتقالية ."], set()),
    # … but not the names after a plural title, nor a title phrase with a preposition
    (
        ["دعا الرؤساء بوتين , وأردوغان , وحسن روحاني , الحكومة والمعارضة للمشاركة في المؤتمر ."],
        {("putin", "offer", ""), ("erdogan", "offer", ""), ("rouhani", "offer", "")},
    ),
    (["ورفض المبعوث الأممي إلى سوريا ستيفان دي ميستورا العرض ."], {("de_mistura", "reject", "")}),
    # "we" is never a name before the verb; an unnamed source with no body holds nothing
    (["هيلي : الصاروخ يحمل بصمات إيرانية ونطالب مجلس الأمن بالتحرك ."], set()),
    (["وتشير مصادر دبلوماسية إلى أن بلاده ستعارض مشروع القرار ."], set()),
    (["وقال مسؤول أمني كردي إن الأكراد رفضوا التهديدات , وتعهدوا بالدفاع عن المنطقة ."], set()),
    # "بلاده" in an unnamed official's words: the state he speaks for
    (["وقال مصدر في الخارجية الروسية إن بلاده ستعارض مشروع القرار ."], {("RUS", "reject", "")}),
    # exerting pressure (ممارسة الضغط) is a demand by whoever seeks to exert it; a denied
    # move noun is no move
    (
        ["وتسعى الحكومة التركية لممارسة الضغط على الولايات المتحدة ."],
        {("TUR", "demand", "USA")},
    ),
    (["لكن الرياض نفت ممارسة أي ضغوط على الأمم المتحدة ."], set()),
    (["ونفت موسكو تقديم أي ضمانات لأنقرة ."], set()),
    # a move noun's genitive may be an institution or group of the actor ("قوى المعارضة")
    (
        ["وتعثر المؤتمر بعد رفض قوى المعارضة السورية المشاركة فيه ."],
        {("syrian_opposition", "reject", "")},
    ),
    # a relative clause whose verb carries the head as its object pronoun has its own
    # subject after the verb; without the pronoun the head is the subject
    (["وهي مرتبطة بالاتفاق الذي ضمنته تركيا في أنقرة ."], {("TUR", "guarantee", "")}),
    (["وتعثرت محادثات السلام التي اقترحتها موسكو في سوتشي ."], {("RUS", "offer", "")}),
    (["وحول المخاطر التي تهدد سوريا ووحدتها ."], set()),
    # a verb joined to the previous move takes its holder only when they agree in gender
    (
        ["واستخدمت الولايات المتحدة الفيتو ضد مشروع القرار , ويطالب المشروع بالانسحاب ."],
        {("USA", "reject", "")},
    ),
    # insisting that something is so is a claim; endangering (يعرض للخطر) is no offer
    (["وتنفي الحكومة السورية قصف المدنيين وتصر على أنها تستهدف المسلحين ."], set()),
    (["وقال الوزير إن قرار ترامب يعرض التعاون مع روسيا للخطر ."], set()),
    # "we are ready" is the speaker's readiness, not the last state named
    (
        ['وقال بوتين إن " سوريا بلد صديق لنا , ونحن مستعدون للمساهمة في العملية السياسية " .'],
        {("putin", "offer", "")},
    ),
    # a name after a verb or a noun with بـ is in a complement, not the subject's title
    (["وطالبت مرات عدة بتنحي الأسد عن السلطة ."], set()),
    # not unless (لن … إلا في حال): a condition
    (
        ["وأكدت الهيئة العليا للمفاوضات أنها لن تشارك في المؤتمر إلا في حال رحيل الأسد ."],
        {("syrian_opposition", "condition", "")},
    ),
    # … with a few words between إلا and the condition, past a قبل of another kind; the
    # conditions themselves count only after إلا
    (
        [
            "وقال إن تركيا لن تقبل عودة العلاقات إلى ما كانت عليه قبل الانقلاب إلا من خلال"
            " تحقيق ثلاثة شروط ."
        ],
        {("TUR", "condition", "")},
    ),
    (
        ["ولن توافق المعارضة السورية على الحضور إلا بشروطها ."],
        {("syrian_opposition", "condition", "")},
    ),
    (
        ["ولن توافق المعارضة السورية على الحضور , ولم تعلن شروطها ."],
        {("syrian_opposition", "reject", "")},
    ),
    # reservations are "على" something, with its pronoun too; "تحفظ الأمن" is حفظ (keeps);
    # intercepting missiles is no objection
    (
        ["بينما يرفض النظام السوري المناطق الآمنة وتتحفظ روسيا عليها ."],
        {("SYR", "reject", ""), ("RUS", "reject", "")},
    ),
    (["بينما تحفظ تركيا الأمن داخل حدودها ."], set()),
    (["واعترضت إسرائيل صاروخا أطلق من سوريا ."], set()),
    # a bare noun right before the verb is its subject; the actor after it is called on
    (["وصوتت الجمعية العامة على مشروع قرار يدعو النظام السوري إلى إنهاء الصراع ."], set()),
    (
        ["من جهته، هدد نتنياهو بتوسيع الضربات على المواقع الإيرانية ."],
        {("netanyahu", "threat", "IRN")},
    ),
    # a number anaphor names the chain of that many actors before it
    (
        [
            "اجتمع وزراء خارجية تركيا وروسيا وإيران في أنطاليا.",
            "وأشار في بيان إلى أن الوزراء الثلاثة اتفقوا على كل النقاط.",
        ],
        {("TUR", "agreement", "RUS"), ("RUS", "agreement", "TUR"), ("IRN", "agreement", "TUR")},
    ),
    (
        [
            "وكانت الدول الراعية ( روسيا وتركيا وإيران ) قد اجتمعت في أستانا.",
            "وبحثت الوفود الوضع الميداني.",
            "وكانت الدول الثلاث توصلت إلى اتفاق على إنشاء مناطق لخفض التوتر.",
        ],
        {("RUS", "agreement", "TUR"), ("TUR", "agreement", "RUS"), ("IRN", "agreement", "RUS")},
    ),
    # no chain of three before: no guess
    (["اجتمع وزيرا خارجية روسيا وتركيا في موسكو.", "واتفقت الدول الثلاث على تشكيل لجنة."], set()),
    # a subject in quotation marks after the verb
    (['وطالبت " هيئة تحرير الشام " الفصائل بالانسحاب.'], {("hts", "demand", "")}),
    # a verbal noun's possessive pronoun: the nearest agreeing actor, object or not
    (
        ["واتهمت واشنطن الحكومة السورية بعرقلة المحادثات برفضها العودة إلى جنيف."],
        {("SYR", "reject", "")},
    ),
    # ة is no pronoun: "اتفاقية" is not "his two agreements"
    (["وتحدث محمد باقري عن اتفاقية للتعاون العسكري."], set()),
    # the head of an idafa agrees: "فصائل الجيش الحر" is feminine singular
    (
        ["وأصدرت فصائل الجيش السوري الحر بيانا أدانت فيه الاتفاق الجديد."],
        {("fsa", "reject", "")},
    ),
    # an unexpressed subject takes a subject, not a genitive ("إجلاء المعارضة")
    (["وقالت المصادر إن الخطة تقضي بإجلاء المعارضة ورفضت الاقتراح."], set()),
    # ما زال is "still", not a negation
    (["وتركيا ما زالت ملتزمة بالاتفاق مع روسيا."], {("TUR", "guarantee", "")}),
    # a light verb reaching its noun after إلى past an adverbial set off by commas
    (
        ["وكانت روسيا وتركيا توصلتا , خلال الجولة الرابعة , إلى اتفاق على المناطق."],
        {("RUS", "agreement", "TUR")},
    ),
    # ... and its subject past a relative clause set off by commas
    (
        ["وأبدت المعارضة السورية , التي تضم الفصائل , رفضا قاطعا للمؤتمر."],
        {("syrian_opposition", "reject", "")},
    ),
    # stressing the need for something is a demand; boycotts and refusals to attend reject
    (["وشددت أنقرة على ضرورة انسحاب المقاتلين من الحدود."], {("TUR", "demand", "")}),
    # the need stressed after a long subject and a time phrase set off by a comma
    (
        ["وشدد وزير الخارجية التركي مولود جاويش أوغلو اليوم , على ضرورة خروج المقاتلين ."],
        {("cavusoglu", "demand", "")},
    ),
    (["وأكدت موسكو , في بيان صدر أمس , على ضرورة الحل السياسي ."], {("RUS", "demand", "")}),
    # على after a comma that opens another clause is not the stressed need
    (["وأكد الوزير أن الحوار مستمر , على أن تبدأ الجولة المقبلة بعد أسبوع ."], set()),
    (["وقاطعت المعارضة السورية جولة المحادثات."], {("syrian_opposition", "reject", "")}),
    (["وقال الوزير إن تركيا لن تشارك في مؤتمر الحوار."], {("TUR", "reject", "")}),
    (["وقال الوزير إن تركيا لن تشارك في المعارك."], set()),
    # دعا with لـ/بـ on a definite verbal noun after the addressee is a call
    (["ودعت موسكو الفصائل للانضمام للهدنة."], {("RUS", "demand", "")}),
    # a Gulf state's move counts beside a party of the Syrian file, not in the Gulf's own file
    (["وأعلنت قطر استعدادها للحوار مع جيرانها."], set()),
    (["وأبدت قطر استعدادها لدعم المعارضة السورية في المفاوضات."], {("QAT", "offer", "")}),
    # "X led by Y calls": the subject is X, not its leader
    (
        ["وتيار الغد السوري بقيادة أحمد الجربا يطالب بوقف القصف."],
        {("tayyar_al_ghad", "demand", "")},
    ),
    # "at the request of X" holds X; "the request to X" does not
    (["وانتشرت القوات الروسية في المدينة بطلب من السلطات السورية."], {("SYR", "demand", "")}),
    (["وناقش الوفدان الطلب من روسيا وقف القصف."], set()),
    # a promise is perfective وعد بـ; "لم تعد" is "no longer"
    (["ووعدت واشنطن الفصائل بحماية المنطقة."], {("USA", "guarantee", "")}),
    (["ولم تعد روسيا بحاجة إلى القاعدة."], set()),
    # an agreement of two parties is one row, the second the counterpart; of three or
    # more, one row each, also for the parties joined to مع
    (
        ["وقال الوزير إن موسكو اتفقت مع أنقرة وطهران على إنشاء المناطق."],
        {("RUS", "agreement", "TUR"), ("TUR", "agreement", "RUS"), ("IRN", "agreement", "RUS")},
    ),
    (["واتفقت دمشق مع موسكو على نشر الشرطة العسكرية."], {("SYR", "agreement", "RUS")}),
    # a plural title before its genitive: the verb agrees with the title
    (
        ["واتفق وزراء خارجية روسيا وتركيا وإيران على دعم الهدنة."],
        {("RUS", "agreement", "TUR"), ("TUR", "agreement", "RUS"), ("IRN", "agreement", "RUS")},
    ),
    (["ورفض وزير خارجية إيران العرض الأمريكي."], {("IRN", "reject", "USA")}),
    # a dual verb after "the two presidents, the Turkish X and the Russian Y"
    (
        [
            "بحث الرئيسان التركي رجب طيب أردوغان والروسي فلاديمير بوتين الوضع في المدينة ,"
            " واتفقا على مواصلة التنسيق."
        ],
        {("erdogan", "agreement", "putin")},
    ),
    # "the two sides" after the verb: the pair named before; an object after a subject
    # is no antecedent
    (
        ["والتقى الرئيسان , بوتين وأردوغان , في أنقرة , واتفق فيه الجانبان على التعاون."],
        {("putin", "agreement", "erdogan")},
    ),
    # "the two leaders" after a meeting of two: its two sides
    (
        ["وأجرى بوتين محادثات مع الأسد اتفق خلالها الزعيمان على بدء العملية السياسية."],
        {("putin", "agreement", "assad")},
    ),
    (["وأجرى الوزير محادثات في موسكو , واتفق الجانبان على التعاون."], set()),
    # a group noun with its members in parentheses; "the guarantor states" give nothing
    (
        ["واتفقت الدول الضامنة ( روسيا وتركيا وإيران ) على تحديد المنطقة الرابعة ."],
        {("RUS", "agreement", "TUR"), ("TUR", "agreement", "RUS"), ("IRN", "agreement", "RUS")},
    ),
    (["وأعلنت الدول الضامنة ( روسيا وتركيا وإيران ) موعد المؤتمر ."], set()),
    # an agreement whose subject names no actor: the one side named after مع; a
    # reconciliation deal made, not a reconciliation office
    (["وكانت مدينة التل قد عقدت مصالحة مع النظام السوري ."], {("SYR", "agreement", "")}),
    (["وقال إن مفوضين عن البلدات وقعوا الاتفاق مع الجانب الروسي ."], {("RUS", "agreement", "")}),
    (["وقال مركز المصالحة الروسي إن الهدنة صامدة ."], set()),
    # the pronoun right after the speaker's own verb, in its gender, is the speaker, not
    # the object of the verb before
    (
        [
            "أما وزارة الدفاع الأميركية فحثت القوات العراقية على التهدئة , وقالت إنها"
            " تعارض أي تحرك عسكري ."
        ],
        {("USA", "demand", "IRQ"), ("USA", "reject", "")},
    ),
    # a verb joined by و to a predicate that is no verb: the topic of فإن is its subject
    (
        ["وعلى حد قوله فإن واشنطن غير معنية بالبقاء ولم تتعهد بذلك لأي طرف ."],
        {("USA", "reject", "")},
    ),
    # (the object pronoun of طالبتها is Russia, the party called on)
    (["واتهمت إيران روسيا بالتقصير , وطالبتها بالتحقيق."], {("IRN", "demand", "RUS")}),
    # the agent phrase of a noun cue: right after it, after a passive that presents it, or
    # anywhere in a passive clause; not the agent of another act on it
    (["وتم تقديم مقترح جديد من قبل الحكومة التركية."], {("TUR", "offer", "")}),
    (
        ["وكانت المبادرة بإنشاء لجنة دستورية قد تم طرحها من قبل الرئيس الفرنسي."],
        {("FRA", "offer", "")},
    ),
    (["ويتم توفير ضمانات للمدنيين من الطرف الروسي."], {("RUS", "guarantee", "")}),
    (["وأكدت المصادر أن الاتفاق تم خرقه من قبل قوات النظام السوري."], set()),
    # "at the request of" a head noun with its nisba
    (["وانتشرت القوات في المدينة بطلب من السلطات السورية."], {("SYR", "demand", "")}),
    # "بالتفاهم مع X": the clause's subject agreed with X
    (["وأقامت تركيا المنطقة بالتفاهم مع روسيا."], {("TUR", "agreement", "RUS")}),
    # judging a deal an achievement is acceptance, judging it void a rejection
    (["واعتبر وزير الخارجية الإيراني الاتفاق إنجازا كبيرا."], {("IRN", "accept", "")}),
    (
        ["ووصفت المعارضة السورية المقترح الروسي بأنه مرفوض."],
        {("syrian_opposition", "reject", "RUS")},
    ),
    (["واعتبرت دمشق الهجوم خرقا للهدنة."], set()),
    # "X must": the speaker demands it of X; in the outlet's own voice, no holder
    (['وقال الوزير الفرنسي : " يجب على روسيا وقف دعم النظام " .'], {("FRA", "demand", "RUS")}),
    (["ويجب على المعارضة التحلي بالواقعية."], set()),
    # what the speaker's own side must do asks nothing of a party
    (['وقال القائد الإسرائيلي : " يجب علينا أن نستعد لكل التهديدات " .'], set()),
    # stressing the need, as a circumstantial participle: the statement's subject holds it;
    # a verb after ما ("what") is a relative clause's, not the statement's
    (
        ["وقال لافروف إن الهدنة صامدة , مشددا على ضرورة انسحاب القوات الأجنبية ."],
        {("lavrov", "demand", "")},
    ),
    (["وقال الوزير الروسي إن التعاون مستمر , مشددا على أهمية العلاقات ."], set()),
    (["وأوضح الوزير أن مصر تتابع ما يمر به العراق , مشددا على ضرورة وقف القتال ."], set()),
    # a vision, draft or project put forward; reassurances; readiness to fight is no offer
    (["وأصدر تيار الغد السوري رؤية سياسية للحل."], {("tayyar_al_ghad", "offer", "")}),
    (["وقدمت فرنسا مشروع قرار إلى مجلس الأمن."], {("FRA", "offer", "UN")}),
    (["وقدمت واشنطن تطمينات لأنقرة بشأن الأكراد."], {("USA", "guarantee", "TUR")}),
    (["وقال إن مقاتلي حزب الله جاهزون لمواجهة إسرائيل."], set()),
    # a plan put forward is an offer, a military plan too; a plan of attack, a bill or a
    # building project is none, and the light verb stops at it
    (["وأعادت تركيا تقديم خطة عسكرية إلى واشنطن ."], {("TUR", "offer", "")}),
    # after a verb and its subject, a word that may be a verb (دعمها: دَعَم) is its object;
    # the verb joined by و shares that subject, the actor after it is the one asked
    (["وأكدت روسيا دعمها للحكومة وطالبت الأمم المتحدة بوقف العملية ."], {("RUS", "demand", "UN")}),
    # keeping silent is no pledge
    (["لكن إسرائيل التزمت الصمت حيال الغارة ."], set()),
    # readiness to act against a party is a threat to it
    (
        ["وقال الوزير إن القوات الأمريكية مستعدة للتحرك ضد النظام السوري ."],
        {("USA", "threat", "SYR")},
    ),
    (["ووضع الجيش التركي خطة لاقتحام المدينة ."], set()),
    (["وتعتزم فرنسا تقديم مشروع قانون يضع شروطا على الشركات ."], set()),
    # holding to a condition is a condition, holding to an aim a demand
    (["وتعثرت الجولة بسبب تمسك الحكومة السورية بشروطها."], {("SYR", "condition", "")}),
    (["وأصرت دمشق على شروطها للتفاوض."], {("SYR", "condition", "")}),
    (["وأصرت دمشق على انسحاب القوات التركية."], {("SYR", "demand", "")}),
    # an unexpressed subject continues the previous sentence past a pronoun after a
    # preposition ("منهما") and past an actor that is the verb's object
    (
        ["وقدم المبعوث الأممي دي ميستورا ورقة إلى الوفدين.", "وطلب منهما الرد عليها."],
        {("de_mistura", "demand", "")},
    ),
    # "cannot accept" is a refusal; a word read as a name is not a cue ("مصر" Egypt, not
    # مُصِرّ "insistent")
    (["وقال الوزير إن دمشق لا يمكنها أن تقبل بالمقترح التركي."], {("SYR", "reject", "TUR")}),
    (["وأكدت الخارجية الروسية أن مصر على اتصال دائم بالأطراف."], set()),
    # what a demand or a condition asks of another actor is not that actor's move; a new
    # statement after a reporting verb is
    (["وطالبت المعارضة السورية بأن تلتزم روسيا بالهدنة."], {("syrian_opposition", "demand", "")}),
    (["واشترطت دمشق أن توافق المعارضة السورية على الخطة."], {("SYR", "condition", "")}),
    (
        ["ورفضت دمشق العرض التركي وقالت الوكالة إن المعارضة السورية وافقت عليه."],
        {("SYR", "reject", "TUR"), ("syrian_opposition", "accept", "")},
    ),
    # a bare noun right before the verb is its subject, not a name further back
    (["وجاء انتخاب الرئيس الأمريكي دونالد ترامب على أساس برنامج يدعو إلى الضغط على إيران."], set()),
    # rejecting an accusation is a denial, not a move
    (["وعبر التحالف الدولي عن رفضه القاطع لاتهام وزارة الدفاع الروسية."], set()),
    (["ورفضت موسكو الاتهامات الأمريكية بشأن الهجوم."], set()),
    # after a name the dictionary lacks, a person further on is the verb's object
    (["وطالب الفيصل إدارة الرئيس الأميركي دونالد ترامب بتوضيح موقفها."], set()),
    # the topic after إن is the subject, even when it names no actor: not the speaker
    (
        [
            "وقال مبعوث الأمم المتحدة إلى سوريا : إن الأطراف المشاركة في المحادثات السورية"
            " في جنيف اتفقت على تشكيل لجنة."
        ],
        set(),
    ),
    # "without Assad's consent" is no refusal by Assad
    (["وقال الوزير إنه لا تدخل في سوريا دون موافقة الرئيس بشار الأسد."], set()),
    # قام carries a noun with بـ only: "قامت الخطة على" is "the plan rested on"
    (
        ["وقامت أنقرة بتسليم المواقع.", "وقامت الخطة الروسية التركية على نشر مراقبين هناك."],
        set(),
    ),
    # a warning is a threat when a future act of the holder follows, not a danger
    (["وحذر وزير الدفاع الإسرائيلي من أن إسرائيل سترد على أي هجوم."], {("ISR", "threat", "")}),
    (["وحذرت روسيا من خطورة التصعيد في الجنوب."], set()),
    # a name starting with س is no future verb ("سيرغي لافروف")
    (["حذر وزير الخارجية الروسي سيرغي لافروف من أن الاتفاق قد يواجه خطر الانهيار ."], set()),
    (["وحذر الوزير الروسي من أن السياسة الأمريكية تهدد الاستقرار."], set()),
    (
        ["وقال يحيى العريضي إن الوفد باق في جنيف.", "كما دعا الأمم المتحدة إلى وقف القصف."],
        {("aridi", "demand", "UN")},
    ),
    # a verb joined by و shares the subject of the verb before it; the noun right before
    # it is that verb's object, never its subject
    (["بوتين يطرد دبلوماسيين أمريكيين ويهدد بعقوبات جديدة"], {("putin", "threat", "")}),
    (["التقى لافروف نظيره التركي وعرض عليه خطة جديدة ."], {("lavrov", "offer", "")}),
    (
        ["استقبل أردوغان الرئيس الإيراني روحاني في أنقرة وطالب بانسحاب الميليشيات من سوريا ."],
        {("erdogan", "demand", "")},
    ),
    (["حزب الله يحمل إسرائيل مسؤولية مقتل الخبير ويتوعد بالرد ."], {("hezbollah", "threat", "")}),
    # past a content clause to the verb that governs it
    (
        ["أعلن بوتين أن قواته ستبقى في سوريا وهدد المعارضة بعملية جديدة ."],
        {("putin", "threat", "syrian_opposition")},
    ),
    # a call on a population (its own citizens, residents, refugees) is an appeal, no move;
    # a call for the refugees' return is a demand
    (["كما دعت الحكومة السورية سكان المدينة الذين فروا إلى العودة إليها ."], set()),
    (["وطالب أردوغان المواطنين بالمشاركة في الاستفتاء ."], set()),
    (["دعت الحكومة السورية إلى عودة اللاجئين ."], {("SYR", "demand", "")}),
    (["ودعت السعودية مواطنيها إلى مغادرة لبنان فورا ."], set()),
    (["ومن جانبها دعت بريطانيا رعاياها إلى مغادرة سورية ."], set()),
    # عرض on television shows pictures; it offers nothing
    (["وعرض التلفزيون الرسمي صورا للمسيرة ."], set()),
    (["وعرضت روسيا صورا للقاعدة بعد الهجوم ."], set()),
    # rejecting accusations is a denial, even with a long subject between
    (["ورفض وزير الخارجية السعودي عادل الجبير الاتهامات ."], set()),
    (["ورفضت وزارة الخارجية الروسية بشدة الاتهامات الأمريكية ."], set()),
    # not accepting a threat is a red line, a threat; neither accepting nor rejecting is no move
    (["وقال الوزير إن إسرائيل لن تقبل بأي تهديد على حدودها ."], {("ISR", "threat", "")}),
    (["وقال المتحدث إن تركيا لم تقبل أو ترفض فكرة المؤتمر ."], set()),
    (["وقال المتحدث إن تركيا لم تقبل فكرة المؤتمر ."], {("TUR", "reject", "")}),
    # an agreement's own parties hold it, not whoever announces it; a signer is a party
    (
        ["وأعلن الوزير عن الاتفاق المؤقت بين إيران والولايات المتحدة ."],
        {("IRN", "agreement", "USA")},
    ),
    (["وأعلنت موسكو التوصل إلى التفاهم التركي الروسي حول إدلب ."], {("TUR", "agreement", "RUS")}),
    (["ووقعت تركيا الاتفاق الروسي - الأميركي ."], {("TUR", "agreement", "")}),
    # a relative whose verb has a pronoun for its head after it ("فيها") has its own subject
    (
        ["وهي المرة الأولى التي تبدي فيها روسيا استعدادها لبحث إنشاء مناطق آمنة ."],
        {("RUS", "offer", "")},
    ),
    # a president's administration is the state; a government agrees as feminine
    (
        ["إدارة ترمب كانت خارج مسار آستانة لاعتراضها على حضور إيران كضامن ."],
        {("USA", "reject", "IRN")},
    ),
    (["وانتقدت الصحف حكومة نتنياهو لرفضها المقترح الروسي ."], {("netanyahu", "reject", "RUS")}),
    # rejecting terrorism or a terrorist group is a stance, not a negotiation move
    (["وشدد الجيش الحر على موقفه الرافض لتنظيم داعش ."], set()),
    (["وأكدت المعارضة السورية رفضها للإرهاب بكل أشكاله ."], set()),
    # استعدادات are preparations, not readiness; a committed state described is no pledge
    (["وواصل الجيش التركي تحركاته في إطار استعداداته لدخول محافظة إدلب ."], set()),
    (["وأبدت تركيا استعدادها لدخول محافظة إدلب ."], {("TUR", "offer", "")}),
    (["ويتاح لإيران الانضمام إلى الأسرة الدولية كدولة ملتزمة بالسلام ."], set()),
    (["وقال الوزير إن أنقرة ملتزمة بوقف إطلاق النار ."], {("TUR", "guarantee", "")}),
    # an actor right after a joined verb, before what it is asked, is the one called on
    (
        ["رحبت تركيا بالاتفاق ودعت روسيا إلى احترامه ."],
        {("TUR", "accept", ""), ("TUR", "demand", "RUS")},
    ),
    (
        ["حثت وزارة الخارجية الأمريكية تركيا على ضبط النفس , ودعت أنقرة إلى الحوار ."],
        {("USA", "demand", "TUR")},
    ),
    # a title with the article before a nisba names its state ("الوزير الأمريكي")
    (["وطالب الوزير الأمريكي إيران بسحب قواتها من سوريا ."], {("USA", "demand", "IRN")}),
    # a yes/no question asks whether the move exists
    (["هل أتت استقالتك من جنيف تحت ضغط روسي أم بسبب عدم تطبيق البيان ?"], set()),
    # a person before a colon speaks what follows, also inside a run-on headline
    (
        ["ومقتل قائد من الحرس الثوري لافروف : اتفقنا مع أنقرة وطهران على جميع القضايا ."],
        {
            ("lavrov", "agreement", "TUR"),
            ("TUR", "agreement", "lavrov"),
            ("IRN", "agreement", "lavrov"),
        },
    ),
    (
        ["المحاميد : إيران أفشلت جنيف ماكرون : انتقادات الأسد لفرنسا غير مقبولة ."],
        {("macron", "reject", "")},
    ),
    # an agreement named with its signers in a relative clause is stated, not only referred to
    (
        ["وحذر لافروف من انهيار الاتفاق النووي , الذي وقعته إيران والدول الكبرى ."],
        {("IRN", "agreement", "")},
    ),
    (
        ["وأشاد الوزير بالاتفاق الذي توصلت إليه روسيا وتركيا في سوتشي ."],
        {("RUS", "agreement", "TUR")},
    ),
    # a settlement reached is an agreement; a political settlement called for is the issue
    (["وتوصلت واشنطن وطهران إلى تسوية لدعوى قديمة ."], {("USA", "agreement", "IRN")}),
    # wanting something of a party is a demand on it; "من خلال" is no party
    (["وتريد واشنطن من موسكو أن تضغط على دمشق ."], {("USA", "demand", "RUS")}),
    (["وتريد روسيا من خلال المؤتمر تعزيز دورها ."], set()),
    # hastening to a move makes it; one row for a light verb's noun
    (["وسارعت دمشق إلى رفض العرض التركي ."], {("SYR", "reject", "TUR")}),
    (["وبادرت روسيا إلى تقديم مقترح جديد ."], {("RUS", "offer", "")}),
    # لـ on a verbal noun completes a call; after a joined verb the actor before it is asked
    (
        ["اتهمت فرنسا الحكومة السورية بعرقلة المحادثات , ودعت روسيا لعدم التملص من مسؤولياتها ."],
        {("FRA", "demand", "RUS")},
    ),
    # an invitation to a round of talks is an offer, not a call; the invited its counterpart
    (
        ["ودعت روسيا المعارضة السورية لجولة جديدة من المحادثات ."],
        {("RUS", "offer", "syrian_opposition")},
    ),
    # states joined by و, in apposition to a group noun, agree with a feminine singular verb
    (
        [
            "وكانت الدول الضامنة لوقف إطلاق النار , أي روسيا وتركيا وإيران , قد اتفقت على"
            " تحديد إدلب منطقة لخفض التوتر ."
        ],
        {("RUS", "agreement", "TUR"), ("TUR", "agreement", "RUS"), ("IRN", "agreement", "RUS")},
    ),
    # the imperfective states a shared view or interest; an agreement reached is perfective
    (["وقالوا لبوتين إن مصالح إيران لا تتوافق مع مصالح روسيا ."], set()),
    (["وقال المحلل إن أنقرة تتفق مع موسكو في رؤيتها للحل ."], set()),
    (["واتفقت موسكو مع أنقرة على وقف إطلاق النار ."], {("RUS", "agreement", "TUR")}),
    # the earlier verb's subject names no actor: no holder
    (["وأوضح البيان أن الهدنة مستمرة وطالب بوقف القصف ."], set()),
    # a verb in the words a speaker is quoted with continues no verb before the colon
    (
        [
            'وقال غورغيني للصحافيين : " تدين فرنسا غياب وفد النظام السوري ورفضه الانخراط في'
            ' المفاوضات " .'
        ],
        {("SYR", "reject", "")},
    ),
    # an agreement welcomed is only referred to, unless the sentence says it was signed;
    # "روسية" after a nisba is the nisba, not the name; an adjective before the nisbas
    (
        ["ورحب الوزيران بمذكرة تفاهم جديدة أميركية - روسية - أردنية وقعت في عمان ."],
        {("USA", "agreement", "RUS"), ("RUS", "agreement", "USA"), ("JOR", "agreement", "USA")},
    ),
    (
        ["وأشاد الأسد بالاتفاق الروسي - التركي الموقع في سوتشي ."],
        {("RUS", "agreement", "TUR"), ("assad", "accept", "")},
    ),
    (["وأشاد الأسد بالاتفاق الروسي - التركي حول إدلب ."], {("assad", "accept", "RUS")}),
    (
        ["وانتقدت طهران الاتفاق الذي تم التوصل إليه بين موسكو وأنقرة ."],
        {("RUS", "agreement", "TUR")},
    ),
    (["وكشف المسؤول عن اتفاق سري أميركي روسي حول الجنوب ."], {("USA", "agreement", "RUS")}),
    # an appeal to a population or to one's own fighters is no move, also past a subject
    # that names no actor or a time phrase; a party pressed is not a population
    (["ودعت الحكومة سكان المدينة الذين فروا إلى العودة إليها ."], set()),
    (["ودعت تركيا , يوم الخميس , مواطنيها إلى مغادرة لبنان ."], set()),
    (["ويدعو الجيش الحر مقاتليه إلى عدم الرد على القصف ."], set()),
    (
        ["وأكد المصدر أن الروس ضغطوا على الإيرانيين لسحب عناصرهم من الجنوب ."],
        {("RUS", "demand", "IRN")},
    ),
    (["ودعت تركيا روسيا إلى حماية السكان في إدلب ."], {("TUR", "demand", "RUS")}),
    # a journalist's question (whether …) is nobody's move; the answer after it is
    (["وسئل الوزير عما إذا كانت إيران ستقبل بالانسحاب من الجنوب ."], set()),
    (["وعند سؤاله هل سترفض تركيا المقترح الروسي قال لا ."], set()),
    (
        ["وردا على سؤال حول الهدنة , قال لافروف إن روسيا رفضت المقترح التركي ."],
        {("RUS", "reject", "TUR")},
    ),
    (
        ['وسئل لافروف عما إذا كانت الهدنة صامدة , فقال : " رفضت تركيا المقترح الروسي " .'],
        {("TUR", "reject", "RUS")},
    ),
    # after "وأوضحت أن إيران …" (a speaker left unnamed) the actor after أن is what was said:
    # the next sentence's unexpressed subject goes on being that speaker, not Iran
    (
        ["وأوضحت أن إيران ستزيد التوترات في المنطقة .", "وشددت على ضرورة وقف إطلاق الصواريخ ."],
        set(),
    ),
    (
        ["إلا أن إيران اعتمدت سياسة مزدوجة .", "وأظهرت استعدادها للتفاوض مع الأوروبيين ."],
        {("IRN", "offer", "")},
    ),
    (
        ["وقالت موسكو إن إيران ستزيد التوترات .", "وشددت على ضرورة وقف إطلاق الصواريخ ."],
        {("RUS", "demand", "")},
    ),
    # the person told ("قائلا لنظيره الروسي سيرغي لافروف") is not the speaker, nor an
    # actor joined to him; an actor that carries its preposition is no subject
    (
        [
            "قال وزير الخارجية السوري وليد المعلم إن دمشق ستواصل الحرب على الإرهاب .",
            "وأضاف قائلا لنظيره الروسي سيرغي لافروف إن سوريا لن تسمح بانتهاك سيادتها .",
            "وأشار إلى أن الأكراد يجب عليهم إدراك أن المساعدة الأميركية لن تستمر .",
        ],
        {("muallem", "demand", "")},
    ),
    (["وأضاف قائلا لنظيره التركي مولود جاويش أوغلو إن بلاده ترفض أي وجود أجنبي ."], set()),
    (
        [
            "وإنه سيجري اتصالات بنظيره الروسي فلاديمير بوتين والأميركي باراك أوباما لبحث الهدنة .",
            "وشدد في الوقت نفسه على ضرورة رحيل الأسد .",
        ],
        set(),
    ),
    (["وأكد المصدر أن الجهة التي يمثلها لم تتعهد للأميركيين بضمان خروج القوات الإيرانية ."], set()),
    (["وأشاد المعلق بموقف الرئيس , عندما قال لن نسمح لإيران بامتلاك سلاح نووي ."], set()),
    (
        [
            "وقال المرصد إن تنظيم داعش خسر مواقع في دير الزور .",
            "وأضاف أن الجيش قطع طريقا رئيسيا , ولم يتبق للتنظيم سوى طريق فرعي يربط المدينتين .",
        ],
        set(),
    ),
    # "أعرض عن" turns away; no offer
    (["ولكن القائد أعرض عن الأوامر الصادرة من موسكو ."], set()),
    # a negator governs a verb joined by أو ("لن يكون جزءا منه أو يوافق عليه")
    (
        ["وقال المتحدث باسم التحالف الدولي إن التحالف لن يكون جزءا من الاتفاق أو يوافق عليه ."],
        {("coalition", "reject", "")},
    ),
    # endangering past an object of several words ("تعرض حياة الدروز في القرية للخطر")
    (
        ["وقال الوزير إن حكومة إسرائيل تتعاون مع المتمردين وتعرض حياة الدروز في القرية للخطر ."],
        set(),
    ),
    # a name set off by commas after the one told is told too
    (
        [
            "وأكد رئيس النظام السوري , بشار الأسد , للرئيس الروسي , فلاديمير بوتين , على"
            " استعداده للالتزام بوقف إطلاق النار ."
        ],
        {("assad", "guarantee", "")},
    ),
    # "whoever does not accept" is a rule for anyone; "the one who proposed" names one
    (['قال المقداد : " من لا يقبل بهذا المبدأ فلن يحضر المؤتمر " .'], set()),
    (["وأوضح الجعفري أن بلاده كانت من اقترحت استضافة المؤتمر ."], {("SYR", "offer", "")}),
    # a pledge of force against a party threatens it; restraining an ally is a guarantee
    (["وتعهدت إسرائيل مرارا بضرب أي وجود إيراني قرب حدودها ."], {("ISR", "threat", "IRN")}),
    (
        ["وتعهدت جبهة النصرة بمحاربة واستهداف القوات السورية وحلفائها الروس ."],
        {("hts", "threat", "SYR")},
    ),
    (["وتعهدت روسيا بإبعاد القوات الإيرانية عن الحدود ."], {("RUS", "guarantee", "")}),
    # ... and a pledge not to use force against it is a guarantee
    (["وتعهدت وحدات حماية الشعب بعدم القتال ضد تركيا ."], {("ypg", "guarantee", "")}),
    # readiness of an indefinite noun after it is that noun's, not an actor's before it
    (["واستقال رياض حجاب , وطالبت الدول بإحلال شخصيات مستعدة لتقديم تنازلات بدلا منه ."], set()),
    (
        ["وقال رياض حجاب إن المعارضة السورية مستعدة لتقديم تنازلات في جنيف ."],
        {("syrian_opposition", "offer", "")},
    ),
    (
        ["وقال إن المعارضة السورية ذاهبة إلى جنيف لعقد محادثات مباشرة ومستعدة لمناقشة كل شيء ."],
        {("syrian_opposition", "offer", "")},
    ),
    # a verb joined to another verb, not to the move before it, does not share its holder
    (
        [
            "وأكد أن الوزير عادل الجبير قد مارس ضغوطا على المعارضة السورية في الرياض وأشار إلى"
            " أن المبعوث أبلغه بأنه سيذهب إلى جنيف ويقوم بتصريح رسمي بعدم قبوله بالشروط ."
        ],
        {("jubeir", "demand", "syrian_opposition")},
    ),
    (
        ["ورفضت روسيا العرض الأمريكي وطالبت بانسحاب القوات ."],
        {("RUS", "reject", "USA"), ("RUS", "demand", "")},
    ),
    # a newspaper's country is no holder; "أما X فـVerb": X, the topic, is the subject
    (["صحيفة إيرانية تهاجم حماس وتدعو لقطع العلاقات مع الحركة ."], set()),
    (
        ["أما وزارة الدفاع الأميركية فحثت القوات العراقية على تجنب التصعيد ."],
        {("USA", "demand", "IRQ")},
    ),
    # "إن على X أن …": the speaker's demand on X (like يجب على)
    (
        ["وقال لافروف إن على واشنطن أن تتفادى الأعمال الأحادية هناك ."],
        {("lavrov", "demand", "USA")},
    ),
    (["وقال لافروف إن على واشنطن تحمل مسؤولياتها ."], {("lavrov", "demand", "USA")}),
    (["وأكد لافروف أن على روسيا دورا كبيرا في الحل ."], set()),
    (["وقال لافروف إن على حد علمه لم يتغير شيء ."], set()),
    # ما after حسب/وفق/a preposition is "what", not "not"; a power to approve is no approval
    (
        ["وسيخوض الجيش الحر العملية بدعم من روسيا حسب ما تم الاتفاق عليه بين روسيا وتركيا ."],
        {("RUS", "agreement", "TUR")},
    ),
    (["ويقوم مجلس الاتحاد الأوروبي بمهام منها سلطة الموافقة على الميزانية ."], set()),
    # an appeal to civilians is no demand on a party
    (["ودعت الحكومة السورية المدنيين إلى مغادرة المدينة فورا ."], set()),
    # a call to rally in the streets mobilises supporters; it asks nothing of a party
    (["ودعا أردوغان أنصاره للبقاء في الميادين حتى الصباح ."], set()),
    (["وأردوغان يدعو للبقاء في الميادين ."], set()),
    (["ودعت المعارضة إلى التظاهر في المدن السورية يوم الجمعة ."], set()),
    # the nisba of a prepositional object before a verb is not its subject
    (["انتقاد ألماني للفيتو الروسي حثت فيه الحكومة على محاسبة المسؤولين ."], set()),
    (
        ["وتحدثت وسائل إعلام عن أن السعودية هددت بوقف تمويل برامج الأمم المتحدة في سوريا ."],
        {("SAU", "threat", "")},
    ),
    # presenting a report is no offer; a pledge to investigate or punish is law enforcement;
    # a possibility not ruled out is speculation
    (["وعرض وزير الخارجية الفرنسي تقريرا يتهم دمشق بشن الهجوم ."], set()),
    (["وتعهدت حكومة العبادي بمعاقبة كل من يثبت تورطه في الانتهاكات ."], set()),
    (["ولا يستبعد الخبراء أن تكون أنقرة قد عقدت صفقة مع دمشق ."], set()),
    # a nisba after a noun with a possessive pronoun may open a new clause
    (
        ["أزمة قطر مسألة صغيرة في حساباتنا السعودية لن تسمح بحزب الله جديد في اليمن ."],
        {("SAU", "threat", "")},
    ),
    # holding to one's own support of an ally is a policy, no demand
    (["ويعكس ذلك تمسك روسيا بدعم النظام السوري ."], set()),
    (["وتمسكت الصين بدعمها للحكومة السورية ."], set()),
    # review fixes: تحقيق is also "achieving"; punishing a named party threatens it; fighting
    # terrorism or a partner named after مع is aimed at no party; "وفي" is "and in"
    (["وتعهدت روسيا بتحقيق وقف إطلاق النار في الجنوب ."], {("RUS", "guarantee", "")}),
    (["وتعهد ترامب بمعاقبة الأسد على الهجوم الكيماوي ."], {("trump", "threat", "assad")}),
    (["وتعهدت موسكو بمحاربة الإرهاب بالتعاون مع تركيا ."], set()),
    (["وفي تعهد لافت , تعهدت روسيا بحماية المدنيين في الغوطة ."], {("RUS", "guarantee", "")}),
    # a threat to a population is repression at home, not a threat to a party
    (["النظام السوري يهدد الشباب بالتصفية لإلحاقهم بالخدمة العسكرية ."], set()),
    (["وهددت أنقرة بشن عملية عسكرية في الشمال ."], {("TUR", "threat", "")}),
    # a forecast noun before بأن: the writer's or analysts' expectation, no move
    (["وسط ترجيحات بأن تركيا ستقبل المقترح الروسي ."], set()),
    # "it" judged void or a provocation, by its pronoun: a rejection of the move named before
    (
        [
            "واصطدمت الجولة بتمسك المعارضة بشرط تنحي الأسد , الأمر الذي اعتبره الوفد الحكومي"
            " استفزازيا ."
        ],
        {("syrian_opposition", "condition", ""), ("SYR", "reject", "")},
    ),
    (["وتعتبرها تركيا تهديدا لأمنها القومي ."], set()),
    # the genitive before a verb joined by و is not its subject
    (["وبدخول قوات سوريا الديمقراطية لمنبج بدعم أمريكي ورفضها العودة لشرق الفرات ."], set()),
    # a promise kept, carried out or broken was made before: only referred to
    (["وقال الوزير إنه يتوقع أن يفي ترامب بوعده للأتراك ."], set()),
    (["وقالت مصادر محلية إن النظام السوري لم ينفذ وعوده للمعارضة ."], set()),
    (["وقال إن الأميركيين فشلوا في تنفيذ أي من وعودهم للأكراد ."], set()),
    (["ودعت تركيا واشنطن إلى الوفاء بتعهداتها ."], {("TUR", "demand", "USA")}),
    # one that says what was promised reports the promise
    (
        ['وأضاف قائد الفصيل : " ترقبنا تنفيذ الروس لوعدهم بمناقشة ملف المعتقلين " .'],
        {("RUS", "guarantee", "")},
    ),
    (["وتعهدت موسكو للأتراك بتنفيذ الاتفاق ."], {("RUS", "guarantee", "TUR")}),
    # a future "رد" on any attack threatens; a reply to a proposal or a past reply does not
    (["وقال الوزير إن أنقرة سترد بالمثل على أي اعتداء على الضريح ."], {("TUR", "threat", "")}),
    (["وقال المتحدث إن دمشق سترد على المقترح الروسي خلال أيام ."], set()),
    (["وردت إيران على الهجوم بقصف مواقع المعارضة ."], set()),
    # an actor right before a colon speaks the first-person words after it; not one told
    # or met, nor one after the sentence's own speaker's cue
    (["وحدات حماية الشعب : سنرد بقوة على أي هجوم تركي ."], {("ypg", "threat", "")}),
    (["الخارجية التركية ( بيان ) : لن نقبل بأي تهديد على حدودنا ."], {("TUR", "threat", "")}),
    (["وقال لافروف لنظيره الأمريكي : لن نسمح بتقسيم سوريا ."], {("lavrov", "threat", "")}),
    (
        ['وقال دي ميستورا بعد اجتماعه مع وفد المعارضة السورية : " سنقدم مقترحا جديدا " .'],
        # ... the one met is the counterpart (tag.meetings)
        {("de_mistura", "offer", "syrian_opposition")},
    ),
    # sharing a view is no agreement; a light verb's object is no noun after "about"; a
    # welcome's object stands in its clause
    (["واتفقت إيران مع تركيا في الرأي حول مستقبل الأسد ."], set()),
    (["وينتظر أن يعلن ترامب اليوم قراره حول الاتفاق النووي مع إيران ."], set()),
    (["وأعلن ترامب عن اتفاق مع روسيا حول الجنوب ."], {("trump", "agreement", "RUS")}),
    (["وتركيا التي تدعم المعارضة السورية , لمؤتمر الحوار موقف آخر ."], set()),
    (["ودعمت تركيا المؤتمر الذي اقترحته روسيا ."], {("TUR", "accept", ""), ("RUS", "offer", "")}),
    # "لم تتفق": the jussive negates the past, an agreement not reached; "لم تعد" is "no
    # longer", no promise
    (["لكن روسيا وتركيا لم تتفقا بعد على قائمة المشاركين ."], {("RUS", "agreement", "TUR")}),
    (["وقالت الصحيفة إن إيران لم تعد تخفي خسائرها في سوريا ."], set()),
    # a consensus reached by states named in an apposition after "وهي"; "إلى" after the
    # verb is no subject
    (
        ["وقالت مصادر إن الدول الضامنة , وهي تركيا وإيران وروسيا , لم تتوصل إلى توافق ."],
        {("TUR", "agreement", "IRN"), ("IRN", "agreement", "TUR"), ("RUS", "agreement", "TUR")},
    ),
    # "الوفد المعارض" is the Syrian opposition's only on a page about Syria's parties
    (["وأكد أن الوفد المعارض رفض المقترح الروسي ."], set()),
    (
        ["وطالب الوفد المعارض الجانب السوري بتنفيذ الاتفاق ."],
        {("syrian_opposition", "demand", "SYR")},
    ),
    (
        ["وأدانت المعارضة السورية الدعوة الروسية إلى مؤتمر سوتشي ."],
        {("syrian_opposition", "reject", "RUS")},
    ),
    (["وتسعى موسكو إلى حشد المشاركة , حيث دعت إلى حضوره الأمم المتحدة ."], {("RUS", "offer", "")}),
    # an indefinite participle after a comma is the main clause's subject's, never an actor
    # of the content clause before it; a definite one describes what it follows
    (["وقالت الصحيفة إن إيران ستزيد التوترات , داعية إلى وقف تنامي قدراتها ."], set()),
    (
        ["وقالت تركيا إن إيران ستزيد التوترات , داعية إلى وقف تنامي قدراتها ."],
        {("TUR", "demand", "")},
    ),
    (
        ["وقال المحلل إن مصر تسعى للتهدئة , على الرغم من موقف مصر الرافض للتدخل الإيراني ."],
        {("EGY", "reject", "IRN")},
    ),
    # a move noun with the verb that made it ("قدمته روسيا", "التي أطلقتها السعودية") names
    # its holder, and is stated even as another move's object; not across a noun with a
    # preposition, nor for an agreement that is only presented
    (["وأجلت روسيا المؤتمر عقب اعتراض أبدته أنقرة ."], {("TUR", "reject", "")}),
    (
        ["ورفضت المعارضة السورية الضمانات الأمنية التي قدمتها موسكو ."],
        {("syrian_opposition", "reject", ""), ("RUS", "guarantee", "")},
    ),
    (["وأشاد الوزير بالمبادرة التي أطلقتها تركيا ."], {("TUR", "offer", "")}),
    (
        ["ودعا المعارضين إلى الاستجابة للدعوة التي أطلقها الأسد للمشاركة في الحوار ."],
        {("assad", "offer", "")},
    ),
    (["وانتقد ترامب الاتفاق الذي قدمه النظام السوري إلى الأمم المتحدة ."], set()),
    (["ووصف ترامب الاتفاق بأنه أسوأ اتفاق وقعته أمريكا ."], {("USA", "agreement", "")}),
    # invitations (or prayers) in the plural are no call
    (["وأكد أن موسكو وجهت الدعوات إلى كل الأطراف السورية ."], set()),
    (["وجددت تركيا دعوتها إلى وقف الهجوم على إدلب ."], {("TUR", "demand", "")}),
    # an opposition platform named after a city is not that city's state
    (["ورفضت منصة موسكو تشكيل وفد موحد للمعارضة السورية ."], {("moscow_platform", "reject", "")}),
    # "لا حل إلا بـ": the speaker's condition; لا before a word that may be a perfective
    # verb denies a noun
    (["وقال أردوغان إنه لا حل في سوريا إلا برحيل الأسد ."], {("erdogan", "condition", "")}),
    (["وأكد لافروف أنه لا حل عسكريا للأزمة السورية ."], set()),
    (["وقال الوزير إن تركيا لا تقبل بالمقترح الروسي ."], {("TUR", "reject", "RUS")}),
    # "أنجز" an agreement concludes it; a task accomplished is no move
    (["وقال إن الروس والأتراك أنجزوا اتفاق وقف إطلاق النار ."], {("RUS", "agreement", "TUR")}),
    (["وقال إن الجيش التركي أنجز مهمته في عفرين ."], set()),
    # a noun before the negation is the verb's subject: no actor to hold the red line
    (
        ["ودافع العبادي عن الحشد , وأضاف أنه مؤسسة رسمية , وأن الدستور لا يسمح بوجود جماعات ."],
        set(),
    ),
    (["ويريد أردوغان محاكمة الأسد , لكن الاعتبارات السياسية لا تسمح بذلك ."], set()),
    (["وقال الوزير إن أنقرة لن تسمح بقيام كيان كردي ."], {("TUR", "threat", "")}),
    # a title before a ministry and its nisba agrees as the title (the minister), not as
    # the ministry
    (["وقال إن وزير الخارجية الإيراني رفض المقترح الأمريكي ."], {("IRN", "reject", "USA")}),
    (["وقالت وزارة الخارجية الإيرانية إنها رفضت المقترح ."], {("IRN", "reject", "")}),
    # a demand on the holder's own state or people is domestic; on a group it backs, a move
    (["ودعا الرئيس التركي رجب طيب أردوغان الأتراك إلى البقاء في الميادين ."], set()),
    (["وطالب أردوغان الأتراك بزيارة القدس ."], set()),
    (["وقال إن إيران ضغطت على حزب الله للانسحاب من الجنوب ."], {("IRN", "demand", "hezbollah")}),
    # a move not made is no row; an agreement not reached is
    (["وسيطرت القوات التركية على المنطقة دون أن تعترض روسيا على ذلك ."], set()),
    (["وأعلن لافرينتييف أن روسيا لن تمارس أي ضغوط على المشاركين في المؤتمر ."], set()),
    # everyday senses: width or honour (عرض), endangering (يهدد … بالسقوط)
    (["وقال الأسد إن روسيا تقف مع سوريا بطولها وعرضها ."], set()),
    (["وقال إن تركيا تهدد المفاوضات بالفشل ."], set()),
    # the writer's inference from a fact is no actor's move
    (["ووصول الصواريخ للمتمردين يعني أن أميركا مستعدة لتقبل وصولها لحزب الله ."], set()),
    (["ورفضت روسيا المقترح التركي , ما يعني أن المفاوضات ستتعثر ."], {("RUS", "reject", "TUR")}),
    # bare قبل before a noun without the article is "before", even after أنه
    (["وقال وزير الخارجية التركي إنه قبل انسحاب القوات التركية ينبغي ترميم المناطق ."], set()),
    (["لكن خامنئي قال إنه قبل تلك الحادثة قلما يتم ذكر القتلى ."], set()),
    (["وقالت إن تركيا قبلت المقترح الروسي ."], {("TUR", "accept", "RUS")}),
    # an acronym agrees with the noun it stands for (حركة، قوات): the actor after the verb is
    # its object
    (["حماس تتوعد إسرائيل بالانتقام من الهجوم ."], {("hamas", "threat", "ISR")}),
    (["وقال المصدر إن قسد ترفض الشروط التركية ."], {("sdf", "reject", "TUR")}),
    # a verb the word can only be as a passive or in the second person is not the move's
    # verb: تدعي is ادّعى (claims); "رفضتم" speaks to someone else
    (["وتدعي إسرائيل أن إيران تنقل السلاح إلى حزب الله ."], set()),
    (["وقال إن المعارضة السورية تدعي تدمير دبابة للنظام ."], set()),
    (["وقال المتحدث باسم المعارضة السورية : لقد رفضتم هذه المحادثات ."], set()),
    # a newspaper that opens the clause is the subject of its verbs; an agency's credit is not
    (["صحيفة إيرانية تهاجم حماس وتدعو لقطع العلاقات مع الحركة ."], set()),
    (["صحيفة إيرانية تدعو حماس إلى قطع العلاقات مع قطر ."], set()),
    (["أ ف ب دعا وزير الخارجية الروسي سيرغي لافروف الى وقف القتال ."], {("lavrov", "demand", "")}),
    # a state's policy or diplomacy speaks for the state; "the Iranian dangers" do not
    (
        ["وقال نتنياهو إن السياسة الإسرائيلية لن تسمح لإيران بترسيخ وجودها في سوريا ."],
        {("ISR", "threat", "IRN")},
    ),
    (["وقال إن المخاطر الإيرانية تهدد المنطقة ."], set()),
    # after a definite institution noun and its name's adjective, ل marks the owner; right
    # after the subject noun it marks the recipient
    (
        ["أعلنت القيادة العامة للجيش والقوات المسلحة السورية وقفا شاملا للأعمال القتالية ."],
        {("SYR", "guarantee", "")},
    ),
    (["وقدمت الحكومة للأميركيين ضمانات بعدم مهاجمة المدينة ."], set()),
    # a circumstantial participle: its subject is the subject of the verb before it, past the
    # one it calls on; not a content clause's subject; "داعيا" is no dual verb (داعَيا)
    (
        ["واعتبرت الخارجية الأمريكية الاتفاق تطورا إيجابيا , داعية جميع الأطراف إلى الالتزام به ."],
        {("USA", "accept", ""), ("USA", "demand", "")},
    ),
    (
        ["ورحب لافروف بالاتفاق , داعيا الحكومة السورية إلى الالتزام به ."],
        {
            ("lavrov", "accept", ""),
            ("lavrov", "demand", "SYR"),
        },
    ),
    (["وأفاد أن قوات التحالف ستستمر في القصف , داعيا المنظمات إلى التواصل معها ."], set()),
    (
        ["وقال إن بوتين وأردوغان توصلا إلى اتفاق حول الهدنة ."],
        {("putin", "agreement", "erdogan")},
    ),
    # the plural noun مطالب stays a noun; a prayer is no demand
    (
        ["وقال إن مطالب المعارضة السورية بالانتقال السياسي مشروعة ."],
        {("syrian_opposition", "demand", "")},
    ),
    (["وأدى أردوغان التحية للضحايا , داعيا بالرحمة لمن سقطوا ."], set()),
    # what a necessity requires of an actor is someone's demand on it, not the actor's move;
    # pointing to a need asks for it
    (["وقال لافروف إنه يجب أن تضغط واشنطن على المعارضة ."], set()),
    (["وقال لافروف إنه من الضروري أن تضغط واشنطن على المعارضة ."], set()),
    (["وأشار لافروف خلال اللقاء إلى ضرورة وقف إطلاق النار في إدلب ."], {("lavrov", "demand", "")}),
    (["وأشار لافروف إلى ضرورة أن تضغط واشنطن على المعارضة ."], {("lavrov", "demand", "")}),
    # the speaker holds a verb of his reported words only when it has no subject of its own;
    # a plural in -ين after a singular verb is its object
    (
        [
            'وقال لافروف : " الوضع في سوريا صعب .',
            'ويطالب الكثير من الزعماء بوقف القصف على إدلب " .',
        ],
        set(),
    ),
    (
        ['وقال لافروف : " الوضع في سوريا صعب .', 'ودعا المعارضين إلى الحوار مع الحكومة " .'],
        {("lavrov", "demand", "")},
    ),
    # ضمن that ensures a result or secures something for oneself pledges nothing to a party
    (["وقال إن حزب الله يضمن لنفسه السلطة الدائمة في لبنان ."], set()),
    (
        ["وضمنت موسكو وأنقرة وقف إطلاق النار في جميع أنحاء سوريا ."],
        {
            ("RUS", "guarantee", ""),
            ("TUR", "guarantee", ""),
        },
    ),
    # the one a statement is of speaks in its relative clause; elsewhere a genitive is no
    # pronoun's antecedent
    (
        ["وقال إن تصريحات الرئيس أردوغان التي قال فيها إنه لن يسمح بقيام كيان كردي مهمة ."],
        {("erdogan", "threat", "")},
    ),
    (["وقال إن تصريحات أردوغان ضد أمريكا قوية وإنه لن يسمح بقيام كيان كردي ."], set()),
    (
        [
            "أعلنت القيادة العامة للجيش والقوات المسلحة السورية أنها تدعو جميع المسلحين"
            " إلى مغادرة الأحياء الشرقية ."
        ],
        {("SYR", "demand", "")},
    ),
    # wanting a party's withdrawal or departure is a demand; wanting gains is not
    (["وقالت واشنطن إنها تريد انسحاب القوات الإيرانية من سوريا ."], {("USA", "demand", "")}),
    (["وتريد تركيا تحقيق مكاسب في الشمال ."], set()),
    # a nisba after a generic head and a definite adjective, or a people's plural after
    # "officials", is the actor
    (
        ["ويريد التحالف الغربي الإسرائيلي من الحرس الثوري سحب الميليشيات من سوريا ."],
        {("ISR", "demand", "irgc")},
    ),
    (["ورفض المسؤولون العسكريون الروس المقترح الأمريكي ."], {("RUS", "reject", "USA")}),
    (["ورفض المسؤولون الروس المقترح الأمريكي ."], {("RUS", "reject", "USA")}),
    # a possessive pronoun's nearest actor is not its owner when a nearer body or title that
    # names no actor could own it
    (
        [
            "وغادر وفد النظام جنيف , غداة توجيه رئيسه بشار الجعفري انتقادات حادة إلى وفد"
            " المعارضة على خلفية تمسكه بمطلب تنحي الأسد ."
        ],
        set(),
    ),
    (["وأكد لافروف في مؤتمر صحافي تمسكه بالمقترح الروسي ."], {("lavrov", "demand", "")}),
    # review cases: an -iyya noun is no adjective; accusative "مسؤولين" is an object; a dual
    # verb with و is a verb; "الأمين" is no plural object; one's own withdrawal is no demand;
    # لما + past is "when"; "لا بد من أن" is a necessity
    (["ورفضت الحكومة العملية التركية في عفرين ."], set()),
    (["ورفضت الحكومة الاتفاقية الروسية ."], set()),
    (["وقال بوتين إنه دعا مسؤولين أمريكيين إلى زيارة موسكو ."], {("putin", "offer", "")}),
    (
        ["والتقى بوتين وأردوغان في سوتشي , وطالبا بوقف إطلاق النار في إدلب ."],
        {("putin", "demand", ""), ("erdogan", "demand", "")},
    ),
    (
        [
            'وقال لافروف : " الوضع في سوريا صعب .',
            'ودعا الأمين العام للحزب إلى الحوار مع الحكومة " .',
        ],
        set(),
    ),
    (["وأعلنت واشنطن أنها تريد سحب قواتها من سوريا ."], set()),
    (
        ["ولما ضمنت روسيا للفصائل خروجا آمنا من المدينة انسحب المقاتلون ."],
        {("RUS", "guarantee", "")},
    ),
    (["وقال لافروف إنه لا بد من أن تضغط واشنطن على المعارضة ."], set()),
    # a light verb with و read first as a noun (أَبَد، أَظْهَر) still carries the noun after it;
    # the root و of وضع/وجّه/وقّع is no conjunction
    (
        [
            "بعد وصول الرئيس الجديد مسعود بزشكيان، الذي زار نيويورك مؤخراً وأظهر مرونة"
            " واستعداداً للدخول في مفاوضات جديدة ."
        ],
        {("pezeshkian", "offer", "")},
    ),
    (["وقال أوباما في خطاب وجهه إلى الشعب الأميركي إن الوضع صعب ."], set()),
    # a call on one's own forces is an order, no move between parties
    (["ودعا الرئيس الأسد قواته إلى وقف إطلاق النار في حلب ."], set()),
    (["ودعا الرئيس الأسد روسيا إلى وقف إطلاق النار في حلب ."], {("assad", "demand", "RUS")}),
    # actors joined by و after a comma or inside a parenthesis are one chain
    (
        ["وسمع الجانب الروسي مطالب أميركا (وإسرائيل) بانسحاب إيران من سوريا ."],
        {("USA", "demand", ""), ("ISR", "demand", "")},
    ),
    (
        ["دعا الرئيسان بوتين , وأردوغان , المعارضة السورية إلى المشاركة في المؤتمر ."],
        {("putin", "offer", ""), ("erdogan", "offer", "")},
    ),
    # "I" or "we" before a verb that can be first person: the speaker holds it
    (["وقال قائد الفصيل : أنا طالبت قسد مرارا بالسيطرة على المنطقة ."], set()),
    (["وقال لافروف : أنا طالبت إيران بالانسحاب من الجنوب ."], {("lavrov", "demand", "IRN")}),
    # a pledge not to act unless something is done sets a condition (لن … ما لم، إلا إذا،
    # إلا بعد، إلا في حال), the pledge's subject its holder
    (
        ["وقال الوزير إن تركيا لن تشارك في المؤتمر ما لم تتوقف الغارات ."],
        {("TUR", "condition", "")},
    ),
    (
        ["وأكدت المعارضة السورية أنها لن توقع الاتفاق إلا إذا انسحبت الميليشيات ."],
        {("syrian_opposition", "condition", "")},
    ),
    (
        ["وقال الوزير إن القوات الأمريكية لن تنسحب من المدينة إلا بعد هزيمة التنظيم ."],
        {("USA", "condition", "")},
    ),
    # ... a move verb gives way to it: not a refusal to take part, a condition
    (
        ["وأعلنت الأمم المتحدة أنها لن تشارك في المؤتمر , إلا في حال دعمت موسكو مسار جنيف ."],
        {("UN", "condition", "")},
    ),
    (
        ["وقالت إسرائيل إنها لن تقبل بالهدنة ما لم تنسحب القوات الإيرانية ."],
        {("ISR", "condition", "")},
    ),
    # ... a verb of being or ability forecasts; a negator between opens the clause the
    # condition belongs to
    (["وقال المحلل إن النظام لن يتمكن من دخول المدينة إلا إذا حاصرها ."], set()),
    (["وقال الوزير إن لبنان لن يكون قادرا على البقاء إلا إذا تغير الوضع ."], set()),
    (["وقالت روسيا إنها لن ترسل قوات , وأن لا يكون هناك تدخل ما لم يطلب المجلس ذلك ."], set()),
    # names in quotes joined by و are both parties
    (
        ['وأكد أنه تم الاتفاق بين " جيش الإسلام " و" فيلق الرحمن " على وقف القتال .'],
        {("jaish_al_islam", "agreement", "faylaq_al_rahman")},
    ),
    # an event under an agreement with one named side: each of that side, no counterpart
    (
        ["وتوقف القصف على المدينة , ونتيجة اتفاقات عدة مع الحكومة السورية خرج المقاتلون ."],
        {("SYR", "agreement", "")},
    ),
    (
        ["وجاءت العملية العسكرية في الشمال , بموجب اتفاق مع روسيا وإيران ."],
        {("RUS", "agreement", ""), ("IRN", "agreement", "")},
    ),
    (
        ["وانسحب المقاتلون من المدينة في إطار صفقة مع وحدات حماية الشعب ."],
        {("ypg", "agreement", "")},
    ),
    # ... "بينه وبين X وY": the pronoun's party is not guessed, the named ones are one side
    (
        ["وضغط النظام على الحزب في سياق تفاهمات حصلت بينه وبين إيران وتركيا ."],
        {("IRN", "agreement", ""), ("TUR", "agreement", "")},
    ),
    # a feminine or plural pronoun right before an agreeing verb is its subject; the actor
    # after the verb is its object
    (
        ["وقالت تركيا إنها تطالب واشنطن بوقف دعم الوحدات الكردية ."],
        {("TUR", "demand", "USA")},
    ),
    (["وقال المعارضون إنهم يعارضون النظام السوري منذ سنوات ."], set()),
    # ... "إنه" may be the pronoun of the matter: no antecedent, no holder
    (["وأكد الوزير أنه سيطالب روسيا بوقف القصف ."], set()),
    # an answer to an offer, guarantee or demand is the addressee's when its subject is a
    # pronoun or carried over and agrees with it, and it takes no object of its own
    (
        ["وعرضت موسكو على أنقرة المشاركة في المؤتمر فرفضت ذلك ."],
        {("RUS", "offer", "TUR"), ("TUR", "reject", "")},
    ),
    (
        ["وقدم الروس ضمانات للأميركيين بأن القوات لن تقترب , لكنهم لم يقبلوا ."],
        {("RUS", "guarantee", "USA"), ("USA", "reject", "")},
    ),
    (
        ["وعرض المسؤولون الروس على دي ميستورا تنظيم المؤتمر , لكنه وضع عدة شروط للقيام بالمهمة ."],
        {("RUS", "offer", "de_mistura"), ("de_mistura", "condition", "")},
    ),
    # ... not when it takes an object of its own, nor a light verb that goes on without لكن
    (
        ["وطالبت موسكو أنقرة بالانسحاب ورفضت الشروط التركية ."],
        {("RUS", "demand", "TUR"), ("RUS", "reject", "TUR")},
    ),
    (
        ["وعرضت موسكو على أنقرة المشاركة في المؤتمر وقدمت ضمانات بحماية الوفد ."],
        {("RUS", "offer", "TUR"), ("RUS", "guarantee", "")},
    ),
    # a first party that names no actor makes three: one row each
    (
        [
            "ويهدف الاتفاق الذي وقع بين لجنة أهالي الحي والطرف الروسي والنظام السوري"
            " إلى إخلاء الحي ."
        ],
        {("RUS", "agreement", "SYR"), ("SYR", "agreement", "RUS")},
    ),
    (
        ["ويهدف الاتفاق الذي وقع بين الطرفين الروسي والتركي إلى إخلاء الحي ."],
        {("RUS", "agreement", "TUR")},
    ),
    # the persons who reached an agreement, of the states its nisbas name, hold it
    (
        [
            "وأشاد الوزير بالاتفاق الروسي - الأميركي الذي جرى التوصل إليه بين الرئيسين"
            " دونالد ترامب وفلاديمير بوتين في قمة هامبورغ ."
        ],
        {("trump", "agreement", "putin")},
    ),
    (
        ["وجاء الاتفاق الروسي - الأميركي بعد لقاء بين الوزيرين لافروف وجواد ظريف ."],
        {("RUS", "agreement", "USA")},
    ),
    # a demand made in a meeting with one party is addressed to it
    (
        ["وطالب أردوغان , خلال لقائه الرئيس الروسي فلاديمير بوتين , بوقف القصف على إدلب ."],
        {("erdogan", "demand", "putin")},
    ),
    # supervising a truce or an agreement is the guarantor's role; supervising elections is
    # none
    (
        ["وبدأ وقف إطلاق النار في المدينة تحت إشراف روسيا وتركيا ."],
        {("RUS", "guarantee", ""), ("TUR", "guarantee", "")},
    ),
    (
        ["وتشرف روسيا على تطبيق الهدنة في المدينة ."],
        {("RUS", "guarantee", "")},
    ),
    (["وطالبت روسيا بإجراء انتخابات حرة تحت إشراف الأمم المتحدة ."], {("RUS", "demand", "")}),
    (["وأشرف الحرس الثوري على تدريب المقاتلين في المدينة ."], set()),
    # ... nor through a light verb
    (
        ["ودعا بوتين إلى عقد مؤتمر ووضع دستور جديد وإجراء انتخابات تحت إشراف الأمم المتحدة ."],
        {("putin", "demand", "")},
    ),
    # "بين الجانبين": the pair named before
    (
        ["ووقع الرئيسان بوتين وأردوغان في سوتشي , أمس , اتفاقية عسكرية بين الجانبين ."],
        {("putin", "agreement", "erdogan")},
    ),
    (["وجرى التوقيع أمس على اتفاقية عسكرية بين الجانبين ."], set()),
    # "بين X من جهة وY من جهة أخرى": the two sides of the agreement
    (
        ["وتم التوصل إلى اتفاق بين تركيا من جهة وروسيا وإيران من جهة أخرى ."],
        {("TUR", "agreement", "RUS"), ("RUS", "agreement", "TUR"), ("IRN", "agreement", "TUR")},
    ),
    # ... not when the clause names an actor who would be the other side, nor a definite
    # agreement referred to, nor a noun that is not under an event
    (["وتريد واشنطن التوصل إلى اتفاق مع إيران ."], set()),
    (["وانتقد الوزير بموجب الاتفاق النووي مع إيران خطط الحكومة ."], set()),
    (["وقال المسؤول إن هناك اتفاقا مع روسيا ."], set()),
    # a relative verb whose object pronoun is its head: the subject follows, the head is
    # the one called on
    (["وانتقد المعلم إيران التي تدعوها روسيا إلى الانسحاب من سوريا ."], {("RUS", "demand", "IRN")}),
    (["وانتقد المعلم تركيا التي دعت روسيا إلى الانسحاب ."], {("TUR", "demand", "RUS")}),
    # ... and a verb that does not agree with the relative pronoun has a subject of its own
    (
        ["ونقل السفارة إليها من تل أبيب الذي استخدمت أمريكا الفيتو ضده أمس ."],
        {("USA", "reject", "")},
    ),
    # "the two presidents", before the verb too: the two persons named before it in its
    # sentence, else in the sentence before, when exactly two are
    (
        [
            "وجاء ذلك خلال مكالمة هاتفية بين الأسد والرئيس الروسي فلاديمير بوتين .",
            "وقال بيان الكرملين إن الرئيسين رحبا بالاتفاق .",
        ],
        {("assad", "accept", ""), ("putin", "accept", "")},
    ),
    (
        ["والتقى ترامب وبوتين في هامبورغ .", "ورحب الزعيمان بمذكرة التفاهم الجديدة ."],
        {("trump", "accept", ""), ("putin", "accept", "")},
    ),
    (
        ["والتقى ترامب وبوتين وأردوغان في هامبورغ .", "ورحب الزعيمان بمذكرة التفاهم ."],
        set(),
    ),
    (
        ["طلبت الحكومة السورية من نظيرتها التركية نقل الضريح ، فاتفق الجانبان على نقله ."],
        {("SYR", "demand", "TUR"), ("SYR", "agreement", "TUR")},
    ),
    # a dual verb with no subject does not reach back to the sentence before: its pair may
    # be named with someone the dictionary lacks ("لافروف والشيخ عبد الله إنهما اتفقا")
    (["والتقى ترامب وبوتين في هامبورغ .", "ورحبا بمذكرة التفاهم الجديدة ."], set()),
    # an adverbial set off by commas stands between a verb and what it welcomes
    (["ورحبت تركيا , في بيان , بالاتفاق ."], {("TUR", "accept", "")}),
    # a noun of parties after the verb's preposition with a pronoun is its subject, not a
    # pronoun before a condition
    (
        ["وقالت روسيا إنها مستعدة للوساطة إذا طلبت منها الأطراف المعنية ذلك ."],
        {("RUS", "offer", "")},
    ),
    # a subject and "his counterpart" joined by و hold the move together
    (["واتفق بوتين ونظيره التركي على وقف إطلاق النار ."], {("putin", "agreement", "TUR")}),
    (
        ["وحث الرئيس الأمريكي باراك أوباما ونظيره الفرنسي فرنسوا هولاند روسيا على التهدئة ."],
        {("obama", "demand", "RUS"), ("hollande", "demand", "RUS")},
    ),
    # ... before the verb too
    (
        ["وقال إن بوتين ونظيره التركي اتفقا على وقف إطلاق النار ."],
        {("putin", "agreement", "TUR")},
    ),
    (
        ["لافروف ونظيره التركي يرفضان المقترح الأمريكي ."],
        {("lavrov", "reject", "USA"), ("TUR", "reject", "USA")},
    ),
    # a promise's and an invitation's object is the party it addresses, as a demand's
    (["ووعد الرئيس الأمريكي نظيره التركي بوقف تسليح الأكراد ."], {("USA", "guarantee", "TUR")}),
    (["ودعت موسكو أنقرة وطهران إلى حضور قمة ثلاثية ."], {("RUS", "offer", "TUR")}),
    (["ووجه الرئيس الروسي دعوة للأسد لزيارة موسكو ."], {("RUS", "offer", "assad")}),
    # a counterpart filler with its preposition attached ("لنظيره", "للجانب"); the person
    # named after his state's nisba is the counterpart, not the state
    (["وقدمت أنقرة ضمانات للجانب الروسي بسحب الأسلحة الثقيلة ."], {("TUR", "guarantee", "RUS")}),
    (
        ["وجاء ذلك بعد وعود بوتين لنظيره التركي رجب طيب أردوغان بوقف القصف ."],
        {("putin", "guarantee", "erdogan")},
    ),
    (
        ["وعرض بوتين على نظيره الأمريكي دونالد ترامب خطة للانسحاب من المنطقة ."],
        {("putin", "offer", "trump")},
    ),
    # a date opening the clause: the verb after it opens it too; a date inside a clause is
    # the adverbial of the verb before it, and the verbal noun after it that verb's object
    (
        ["وفي 12 أيلول طالب وزير الخارجية الفرنسي موسكو بوقف القصف ."],
        {("FRA", "demand", "RUS")},
    ),
    (
        ["وقالت الصحيفة إن لافروف طلب في عام 2016 عزل المبعوث واقترح تعيين بديل له ."],
        {("lavrov", "demand", ""), ("lavrov", "offer", "")},
    ),
    # "the spokesman of X" before the verb: X's move, the verb agreeing with the spokesman
    (
        ["والمتحدث باسم حركة حماس يدعو مصر إلى فتح معبر رفح ."],
        {("hamas", "demand", "EGY")},
    ),
    # "the latter": the last actor of its gender named before it in the sentence; "the
    # former": the first of the pair named last
    (
        [
            "وتصاعد التوتر بين واشنطن وكل من موسكو وأنقرة , في وقت هددت فيه الأخيرة"
            " بالتدخل العسكري ."
        ],
        {("TUR", "threat", "")},
    ),
    (
        [
            "وظهر خلاف بين لافروف ووزير الخارجية الإيراني جواد ظريف عندما طلب الأول أن"
            " ينسحب حزب الله من سوريا ."
        ],
        {("lavrov", "demand", "")},
    ),
    # ... never an actor of the sentence before: the latter may be no actor at all
    (
        ["وانسحب تنظيم داعش من المدينة .", "ثم شكل ثوار الرقة جيش العشائر وطالب الأخير بحصة ."],
        set(),
    ),
    # a bare imperfective whose noun readings camel-tools never saw is a verb before the
    # actor that is its subject ...
    (["وتابع : تطلب تركيا دعما من روسيا في عفرين ."], {("TUR", "demand", "RUS")}),
    # ... and "تضمن" is تَضَمَّن (included), far likelier than ضَمِن (guarantees), unless
    # an actor follows as its subject
    (["وأصدرت تركيا إعلانا تضمن رسالة إلى الاتحاد الأوروبي ."], set()),
    (["وتضمن روسيا للفصائل خروجا آمنا من المدينة ."], {("RUS", "guarantee", "")}),
    # an actor that is the issue by itself may hold a move; one inside an issue's phrase
    # may not
    (
        ["وأضاف أن الحشد الشعبي يرفض دخول قوات التحالف إلى سهل نينوى ."],
        {("iran_backed_militias", "reject", "coalition")},
    ),
    # calling a meeting, the pronoun after دعا standing for it, offers it; a march called
    # for is no meeting
    (["وانعقد المؤتمر الذي دعت إليه روسيا في سوتشي ."], {("RUS", "offer", "")}),
    (["وخرج الآلاف في مسيرات دعت إليها فصائل المعارضة ."], set()),
    # the pair of the verb before goes on with a dual verb, not a singular one: the name
    # after it is its subject
    (
        [
            "واتفق الرئيسان الفرنسي والروسي على تعزيز التعاون بين البلدين , ودعا بوتين إلى"
            " توحيد الجهود ."
        ],
        {("FRA", "agreement", "RUS"), ("putin", "demand", "")},
    ),
    # a name joined by و to a prepositional object is one too, not the verb's subject
    (["وفي حملته على الشيوعية والكرملين طلب الزعيم من السادات إلغاء المعاهدة ."], set()),
    # "what" before a verb that takes it back with a pronoun is its object, and the name
    # after the verb its subject; ما after هو is "what", not "not"
    (["واقترح المبعوث هدنة , وهو ما رفضته دمشق ."], {("SYR", "reject", "")}),
    (["واقترح المبعوث هدنة , وهو ما وافقت عليه دمشق ."], {("SYR", "accept", "")}),
    (["واقترح المبعوث هدنة , وهو ما رحبت به روسيا أيضا ."], {("RUS", "accept", "")}),
    (["وهذا هو المقترح الذي أيدته أنقرة ."], {("TUR", "accept", "")}),
    (
        ["وقدم المبعوث وثيقة مبادئ الحل السياسي التي رحبت بها المعارضة ورفضها نظام الأسد ."],
        {("syrian_opposition", "accept", ""), ("SYR", "reject", "")},
    ),
    # ... no name after the verb, no holder: not the pronoun before ما
    (["أما الاتجاه الثاني فتتبناه جماعة , وهو ما يعارضه حزب المؤتمر الشعبي العام ."], set()),
    # ... but "which" with no pronoun after it is the verb's subject
    (["وانهارت الهدنة , ما دفع روسيا إلى التدخل ."], set()),
    # the owner of what is refused, named by a title and its nisba, or as the nisba of an
    # indefinite draft; a veto is "against" it
    (["ورفضت مصر إعلان الرئيس الأمريكي بشأن القدس ."], {("EGY", "reject", "USA")}),
    (["واستخدمت روسيا الفيتو ضد مشروع قرار فرنسي ."], {("RUS", "reject", "FRA")}),
    # "يحث الخطى" hastens its steps: no call
    (["وكان الحشد الشعبي يحث الخطى باتجاه الحدود ."], set()),
    # a light verb governs no noun of the purpose clause after it
    (["وقال إن روسيا طرحت المؤتمر ليكون أداة ضغط على المعارضة ."], set()),
    # a name the dictionary lacks after لأن is the subject: no actor before stands in for it
    (
        ["وقال إن تركيا لا تستطيع المساعدة , لأن يريفان ترفض عملية التفاوض ."],
        set(),
    ),
    # "each of" before the actors joined by و after the verb: they are its subject
    (
        ["وهددت كل من إيران وتركيا بإجراءات عقابية ."],
        {("IRN", "threat", ""), ("TUR", "threat", "")},
    ),
    # a subject that names no actor but the one it is led by ...
    (
        ["ورفضت الفصائل المسلحة , وعلى رأسها جيش الإسلام , حضور المؤتمر ."],
        {("jaish_al_islam", "reject", "")},
    ),
    # ... not "all" after the verb, its object; the one included is the party called on
    (
        ["وقال إن بوتين يدعو كل الأطراف بمن فيهم الأمريكيون إلى الانضمام للمسار ."],
        {("putin", "demand", "USA")},
    ),
    # a threat's target past its instrument
    (["ولوحت فرنسا بفرض عقوبات ضد روسيا ."], {("FRA", "threat", "RUS")}),
    (["ولوحت فرنسا بفرض عقوبات في حال فشل المفاوضات ."], {("FRA", "threat", "")}),
    # a verb after an adverbial that opens the sentence, and a perfective whose noun
    # readings no text uses, with the subject's name set off by commas
    (
        ["ومن جانبه تعهد الرئيس الروسي بحماية المدنيين ."],
        {("RUS", "guarantee", "")},
    ),
    (
        ["من جانبه رحب الرئيس التركي , رجب طيب أردوغان , بوقف إطلاق النار ."],
        {("erdogan", "accept", "")},
    ),
    # a verb joined by و inside a quotation goes on with the quotation's verb, not the
    # verb that reports it
    (
        ['وذكر العريضي أن " الأسد يعطل الحل ورفض إعطاءنا أي شيء " .'],
        {("assad", "reject", "")},
    ),
    # after a content clause and its comma, not a verb of that clause's complement
    (["وأكد ترامب أنه لن يدع الأسد يفلت بجرائمه , وتعهد منع نظامه من شن هجمات ."], set()),
    # a topic before "من جانبها" is the verb's subject: a name the dictionary lacks holds
    # it, not the actor named before
    (["وقالت روسيا إن كوريا الشمالية من جانبها التزمت بتجميد التجارب ."], set()),
    # the noun after أن is the subject of the verb after it: the actor after the verb is
    # the one called on
    (["وكشفت مصادر أن غرفة العمليات طالبت فصائل المعارضة بالتوقف عن القتال ."], set()),
    (
        ["وقال المتحدث إن روسيا طالبت فصائل المعارضة بالتوقف عن القتال ."],
        {("RUS", "demand", "syrian_opposition")},
    ),
    # ... not a noun with a possessive, its owner's, nor an auxiliary ("وإن كان": even if)
    (["وأكدت موسكو أن قواتها لن تسمح باستمرار هذه التفاهمات ."], {("RUS", "threat", "")}),
    (
        ["إلا أن الجانب التركي , وإن كان يوافق على هذه الفكرة , لديه تحفظات ."],
        {("TUR", "accept", "")},
    ),
    # a title, its name and "also" set off by commas before the verb: the title agrees
    (
        ["المستشارة الألمانية , أنجيلا ميركل , أيضا , رفضت انضمام تركيا إلى الاتحاد ."],
        {("merkel", "reject", "TUR")},
    ),
    # a sound masculine plural of persons agrees as one ("وطالب المعارضون السوريون")
    (
        ["وطالب المعارضون السوريون في ختام مؤتمرهم بالإفراج عن المعتقلين ."],
        {("syrian_opposition", "demand", "")},
    ),
    # the Latin acronym inside Arabic text
    (["وتشير التقارير إلى أن وحدات YPG طالبت بلقاء مسؤول من الحكومة ."], {("ypg", "demand", "")}),
    # "the body" stands for the group whose name it heads, named just before
    (
        [
            "وقدمت تركيا مقترحا إلى هيئة تحرير الشام .",
            "ولم تظهر مؤشرات على قبول الهيئة بالمقترحات التركية .",
        ],
        {("hts", "reject", "TUR")},
    ),
    # a definite move noun with the one asked and what is asked after it is a move named
    # anew, not a reference to the holder's earlier move
    (
        [
            "وطالبت المعارضة السورية بوقف القصف .",
            "وتعثر الإجلاء بسبب مطالبة المعارضة السورية الحكومة بالإفراج عن السجناء .",
        ],
        {("syrian_opposition", "demand", "")},
    ),
    # insisting that something is so is a claim, past the subject too
    (["وفي كتبهم تصر سوريا على ان مصر خانتهم ."], set()),
    (["وتصر روسيا على انسحاب القوات الأجنبية ."], {("RUS", "demand", "")}),
    (["إذ تصر دمشق على أن المسألة غير مطروحة للنقاش ."], set()),
    (["لكن رئيس الهيئة يصر على أن هدف إسقاط النظام لن يتلاشى ."], set()),
    # ... but أنْ with a verb asks for something, and so does what must be done
    (
        ["وأصرت المعارضة السورية على أن الحوار السياسي يجب أن يعقد في جنيف ."],
        {("syrian_opposition", "demand", "")},
    ),
    (["إذ يصر حزب الله على أن يقتصر الأمر على نقل السلاح الخفيف ."], {("hezbollah", "demand", "")}),
    # the conjunction written apart from its verb still joins it to the verb before
    (
        ["وقال جون كيري إن الوضع صعب و يدعو الجيش المصري إلى الاستماع للشعب ."],
        {("kerry", "demand", "EGY")},
    ),
    # لـ on a short verbal noun is what a call asks ("يدعو لحل")
    (["الرئيس التركي أردوغان يدعو لحل الأزمة بين البلدين ."], {("erdogan", "demand", "")}),
    # Iran-backed militias named indefinitely hold their threat; their own phrase is no
    # issue of it (nor is Iran its target)
    (
        ["وهددت فصائل شيعية مدعومة من إيران بالزحف إلى المدينة ."],
        {("iran_backed_militias", "threat", "")},
    ),
    # the opposition's interim government by its short name, in a page on Syria; the
    # Kurdish units are the YPG
    (
        ["وقال إن قوات النظام تقدمت .", 'وطالبت " الحكومة المؤقتة " بدورها بتشكيل جيش موحد .'],
        {("syrian_opposition", "demand", "")},
    ),
    (['ويعكس ذلك رفض " الوحدات الكردية " التخلي عن المناطق .'], {("ypg", "reject", "")}),
    # an aside in parentheses stands between the call and what it calls for
    (
        ["دعا الرئيس الروسي اليوم الجمعة ( 23 ديسمبر / كانون الأول ) نظيره التركي إلى اتفاق ."],
        {("RUS", "demand", "TUR")},
    ),
]


@pytest.mark.parametrize(("sentences", "expected"), CASES, ids=[c[0][-1][:30] for c in CASES])
def test_holder_rules(sentences, expected):
    out = tag(sentences)
    last = out[out["sent_id"] == len(sentences) - 1]
    got = {(r.holder_id, r.move, r.counterpart_id) for r in last.itertuples()}
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # قد + imperfective: may; said by someone, a possibility he reports
        ("وقال لافروف إن تركيا قد تقبل بالهدنة في الشمال.", ["hypothetical"]),
        # in the outlet's own voice, the outlet's guess: no one's move
        ("وقد تقبل تركيا بالهدنة في الشمال.", []),
        ("وقد قبلت تركيا بالهدنة في الشمال.", ["asserted"]),  # قد + perfective: has
    ],
)
def test_qad_with_an_imperfective_verb_is_a_possibility(sentence, modality):
    out = tag([sentence])
    assert out["modality"].tolist() == modality


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        # an assessment before a future act is a forecast: the writer's, no one's move
        ("فمن المؤكد أن تركيا لن تسمح للوحدات الكردية بالسيطرة على المدينة .", []),
        ("ومن الواضح جدا أن روسيا ستضغط على النظام لقبول الهدنة .", []),
        # said by an actor, his forecast of another's act: hypothetical, negation kept
        (
            "وقال لافروف : أعتقد أن تركيا لن تقبل بالهدنة .",
            [("TUR", "reject", "hypothetical")],
        ),
        # perhaps (ربما، لعل), negated or not; an actor's opinion of another's future act
        ("ربما لا تتفق تركيا وروسيا في كل الأمور .", []),
        ("وترى موسكو أن واشنطن سترفض الاتفاق الجديد .", [("USA", "reject", "hypothetical")]),
        # a verb in a question asks; it reports no move
        ("فهل ستقبل تركيا بالهدنة في الشمال ?", []),
        # the assessment of a past act asserts it; a future act without one is a move
        ("ومن المؤكد أن تركيا رفضت الهدنة .", [("TUR", "reject", "asserted")]),
        (
            "وأكدت تركيا أنها لن تسمح للوحدات الكردية بالسيطرة على المدينة .",
            [("TUR", "threat", "asserted")],
        ),
        # a clause end between the assessment and the act ends its reach
        (
            "ومن الواضح أن الهدنة صامدة , وقال أردوغان إن تركيا لن تسمح للوحدات الكردية بالتقدم .",
            [("TUR", "threat", "asserted")],
        ),
    ],
)
def test_an_assessment_before_a_future_act_is_a_forecast(sentence, rows):
    out = tag([sentence])
    assert [(r.holder_id, r.move, r.modality) for r in out.itertuples()] == rows


def test_a_sentence_the_page_already_holds_makes_no_rows():
    # a headline repeated in a share block at the foot of the page says nothing new
    headline = "الأمم المتحدة تعتزم تقديم مقترحات سياسية لبدء إصلاحات في سوريا ."
    out = tag([headline, "وبحث المبعوث الوضع مع الوفود .", headline])
    assert out["sent_id"].tolist() == [0]


def test_a_pledge_condition_names_the_move_verb_it_read():
    out = tag(["وقالت إسرائيل إنها لن تقبل بالهدنة ما لم تنسحب القوات الإيرانية ."])
    assert out["reason"].iloc[0].startswith("frame condition.unless (verb: قَبِل, لن … ما … لم)")


def test_every_row_says_why():
    out = tag(["ورفض المبعوث الأمريكي، جيمس جيفري، المقترح الروسي."])
    reason = out["reason"].iloc[0]
    assert "frame reject.verb" in reason
    assert "holder: subject after the verb «المبعوث الأمريكي»" in reason


def test_a_party_joined_to_the_counterpart_says_so():
    out = tag(["اتفقت موسكو مع أنقرة وطهران على عقد القمة."])
    reasons = dict(zip(out["holder_id"], out["reason"], strict=True))
    assert "holder: subject after the verb «موسكو»" in reasons["RUS"]
    assert "holder: the counterpart or a party joined to it «وطهران»" in reasons["IRN"]


def test_a_later_clause_speaker_is_the_rows_speaker():
    out = tag(["قال لافروف إن الحوار مستمر , فيما قال جواد ظريف إننا نرفض أي شروط مسبقة."])
    assert out[["holder_id", "move", "speaker_id"]].values.tolist() == [
        ["zarif", "reject", "zarif"]
    ]
    assert out.loc[0, "source_chain"].endswith("> zarif")
