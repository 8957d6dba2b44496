package org.morgue.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.morgue.ner.EntityService;
import org.morgue.ner.EntitySummary;
import org.morgue.ner.EntityType;

import org.springframework.stereotype.Component;

/**
 * Names the entities the index counted by id: the people, organisations and places a
 * search's facets show, and the entities that appear beside another on its page.
 */
@Component
class EntityFacets {

	/** People, organisations and places counted in each entity facet. */
	private static final int TOP_ENTITIES = 15;

	private final EntityService entities;

	EntityFacets(EntityService entities) {
		this.entities = entities;
	}

	/**
	 * The most frequent people, organisations and places among all matches, by name, in
	 * facet order.
	 */
	Map<String, List<FacetCount>> of(FacetCounter.Counts counts) {
		Map<EntityType, List<Map.Entry<Long, Long>>> top = new EnumMap<>(EntityType.class);
		List<Long> ids = new ArrayList<>();
		FacetCounter.ENTITY_FACETS.keySet().forEach(type -> {
			List<Map.Entry<Long, Long>> entries = counts.topEntities(type, TOP_ENTITIES);
			top.put(type, entries);
			entries.forEach(entry -> ids.add(entry.getKey()));
		});
		Map<Long, EntitySummary> names = ids.isEmpty() ? Map.of() : entities.summaries(ids);
		Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
		for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)) {
			facets.put(FacetCounter.ENTITY_FACETS.get(type),
					top.get(type)
						.stream()
						.filter(entry -> names.containsKey(entry.getKey()))
						.map(entry -> new FacetCount(names.get(entry.getKey()).name(), entry.getValue()))
						.toList());
		}
		return facets;
	}

	/**
	 * The entities counted by id, with their names and types; those since deleted are
	 * left out.
	 */
	List<EntitySummary> named(List<EntitySummary> counted) {
		if (counted.isEmpty()) {
			return counted;
		}
		Map<Long, EntitySummary> names = entities.summaries(counted.stream().map(EntitySummary::id).toList());
		return counted.stream()
			.filter(entity -> names.containsKey(entity.id()))
			.map(entity -> new EntitySummary(entity.id(), names.get(entity.id()).name(), names.get(entity.id()).type(),
					entity.articleCount()))
			.toList();
	}

}
