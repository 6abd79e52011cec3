package dev.meerkat.demo.owners;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OwnerRepository extends JpaRepository<Owner, Integer> {
  List<Owner> findByLastNameStartingWithOrderById(String lastName);
}
