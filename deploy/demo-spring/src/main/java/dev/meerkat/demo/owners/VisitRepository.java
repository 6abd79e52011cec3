package dev.meerkat.demo.owners;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisitRepository extends JpaRepository<Visit, Integer> {
  List<Visit> findByPetOwnerIdOrderByDateDesc(Integer ownerId);
}
