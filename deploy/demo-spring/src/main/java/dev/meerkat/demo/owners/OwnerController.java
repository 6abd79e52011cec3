package dev.meerkat.demo.owners;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/owners")
class OwnerController {
  private final OwnerRepository owners;

  OwnerController(OwnerRepository owners) {
    this.owners = owners;
  }

  @GetMapping("/{ownerId}")
  Owner owner(@PathVariable int ownerId) {
    return owners
        .findById(ownerId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such owner"));
  }

  @GetMapping
  List<Owner> find(@RequestParam(defaultValue = "") String lastName) {
    return owners.findByLastNameStartingWithOrderById(lastName);
  }

  @PostMapping
  ResponseEntity<Owner> create(@RequestBody NewOwner request) {
    if (request.firstName() == null || request.lastName() == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "firstName and lastName are required");
    }
    Owner owner =
        owners.save(
            new Owner(
                request.firstName(),
                request.lastName(),
                request.address(),
                request.city(),
                request.telephone()));
    return ResponseEntity.created(URI.create("/owners/" + owner.getId())).body(owner);
  }

  record NewOwner(
      String firstName, String lastName, String address, String city, String telephone) {}
}
