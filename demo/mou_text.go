package demo

import (
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// mouDraft is one round's text of the memorandum on agricultural machinery: which changes the
// negotiators had made by then.
type mouDraft struct {
	assembly     bool // Pakistan's round 1: local assembly of the machinery
	meetWithin   int  // days within which the working group first meets: 30, then 60, then 45
	intellectual bool // Belarus's round 2: an article on intellectual property, before the disputes article
	diplomatic   bool // Pakistan's round 2: notification through diplomatic channels
}

// mouArticle is one article in English and Russian.
type mouArticle struct {
	headingEN, bodyEN, headingRU, bodyRU string
}

// texts writes the draft in English and Russian, both authentic.
func (d mouDraft) texts() []entente.Draft {
	var en, ru strings.Builder
	en.WriteString("Memorandum of Understanding between the Government of the Islamic Republic of Pakistan and the Government of the Republic of Belarus on Cooperation in Agricultural Machinery\n\n")
	en.WriteString("The Government of the Islamic Republic of Pakistan and the Government of the Republic of Belarus, hereinafter referred to as the Parties,\n\n")
	en.WriteString("Guided by the agreements reached at the talks in Islamabad on 26 November 2024,\n\nHave agreed as follows:\n\n")
	ru.WriteString("Меморандум о взаимопонимании между Правительством Исламской Республики Пакистан и Правительством Республики Беларусь о сотрудничестве в области сельскохозяйственной техники\n\n")
	ru.WriteString("Правительство Исламской Республики Пакистан и Правительство Республики Беларусь, далее именуемые Сторонами,\n\n")
	ru.WriteString("руководствуясь договорённостями, достигнутыми на переговорах в Исламабаде 26 ноября 2024 года,\n\nдоговорились о нижеследующем:\n\n")
	for i, a := range d.articles() {
		fmt.Fprintf(&en, "Article %d. %s\n%s\n\n", i+1, a.headingEN, a.bodyEN)
		fmt.Fprintf(&ru, "Статья %d. %s\n%s\n\n", i+1, a.headingRU, a.bodyRU)
	}
	return []entente.Draft{{Language: "en", Text: en.String()}, {Language: "ru", Text: ru.String()}}
}

// articles lists the draft's articles in order.
func (d mouDraft) articles() []mouArticle {
	supply, supplyRU := "The Parties shall cooperate in the supply of tractors, combine harvesters and spare parts.",
		"Стороны сотрудничают в поставках тракторов, зерноуборочных комбайнов и запасных частей."
	if d.assembly {
		supply, supplyRU = "The Parties shall cooperate in the supply of tractors, combine harvesters and spare parts, and in their local assembly in Pakistan.",
			"Стороны сотрудничают в поставках тракторов, зерноуборочных комбайнов и запасных частей, а также в их сборке в Пакистане."
	}
	notice, noticeRU := "written notification", "письменного уведомления"
	if d.diplomatic {
		notice, noticeRU = "written notification through diplomatic channels", "письменного уведомления по дипломатическим каналам"
	}
	out := []mouArticle{
		{"Purpose", "The purpose of this Memorandum is to develop cooperation between the Parties in the manufacture, supply and servicing of agricultural machinery.",
			"Цель", "Целью настоящего Меморандума является развитие сотрудничества Сторон в производстве, поставках и обслуживании сельскохозяйственной техники."},
		{"Areas of cooperation", supply, "Направления сотрудничества", supplyRU},
		{"Competent authorities", "The competent authorities for the implementation of this Memorandum are, for the Pakistani Party, the Ministry of Industries and Production and, for the Belarusian Party, the Ministry of Industry.",
			"Компетентные органы", "Компетентными органами по реализации настоящего Меморандума являются: с пакистанской Стороны — Министерство промышленности и производства, с белорусской Стороны — Министерство промышленности."},
		{"Joint Working Group", fmt.Sprintf("The Parties shall establish a Joint Working Group, which shall meet within %d days of the entry into force of this Memorandum and at least once a year thereafter.", d.meetWithin),
			"Совместная рабочая группа", fmt.Sprintf("Стороны создают Совместную рабочую группу, которая проводит первое заседание в течение %d дней со дня вступления в силу настоящего Меморандума и в дальнейшем не реже одного раза в год.", d.meetWithin)},
	}
	if d.intellectual {
		out = append(out, mouArticle{"Intellectual property", "Each Party shall protect the intellectual property transferred under this Memorandum in accordance with its legislation and its international obligations.",
			"Интеллектуальная собственность", "Каждая из Сторон обеспечивает охрану интеллектуальной собственности, передаваемой в рамках настоящего Меморандума, в соответствии со своим законодательством и международными обязательствами."})
	}
	return append(out,
		mouArticle{"Settlement of disputes", "Any dispute concerning the interpretation or application of this Memorandum shall be settled through consultations and negotiations between the Parties.",
			"Разрешение споров", "Споры, касающиеся толкования или применения настоящего Меморандума, разрешаются путём консультаций и переговоров между Сторонами."},
		mouArticle{"Entry into force", fmt.Sprintf("This Memorandum shall enter into force on the date of receipt of the last %s that the Parties have completed their internal procedures. It shall remain in force for five years.", notice),
			"Вступление в силу", fmt.Sprintf("Настоящий Меморандум вступает в силу с даты получения последнего %s о выполнении Сторонами внутригосударственных процедур. Он действует в течение пяти лет.", noticeRU)},
	)
}
