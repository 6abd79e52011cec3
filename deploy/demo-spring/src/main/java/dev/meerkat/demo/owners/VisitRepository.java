package dev.meerkat.demo.owners;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VisitRepository extends JpaRepository<Visit, Integer> {
  // By the pets' ids, a query on visits alone (by owner id Hibernate would join pets and owners).
  @Query("select v from Visit v where v.pet.id in :petIds order by v.date desc")
  List<Visit> findByPetIds(List<Integer> petIds);
}
